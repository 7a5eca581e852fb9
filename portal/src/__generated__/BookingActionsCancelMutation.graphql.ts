/**
 * @generated SignedSource<<b2eb986c9fb1b48858893805caf6ff99>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type BookingActionsCancelMutation$variables = {
  id: string;
};
export type BookingActionsCancelMutation$data = {
  readonly returnLease: {
    readonly endedAt: string | null | undefined;
    readonly id: string;
    readonly status: LeaseStatus;
    readonly statusMessage: string | null | undefined;
  };
};
export type BookingActionsCancelMutation = {
  response: BookingActionsCancelMutation$data;
  variables: BookingActionsCancelMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": "Lease",
    "kind": "LinkedField",
    "name": "returnLease",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "status",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "endedAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "statusMessage",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "BookingActionsCancelMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "BookingActionsCancelMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "6be53a9b9f2a878f0622b212b7b6121b",
    "id": null,
    "metadata": {},
    "name": "BookingActionsCancelMutation",
    "operationKind": "mutation",
    "text": "mutation BookingActionsCancelMutation(\n  $id: ID!\n) {\n  returnLease(id: $id) {\n    id\n    status\n    endedAt\n    statusMessage\n  }\n}\n"
  }
};
})();

(node as any).hash = "61cac4e18a0961d00f4e38b761372fac";

export default node;
