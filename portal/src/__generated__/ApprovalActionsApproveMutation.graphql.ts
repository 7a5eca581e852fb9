/**
 * @generated SignedSource<<58453772106783b011343db924970c81>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type ApprovalActionsApproveMutation$variables = {
  id: string;
};
export type ApprovalActionsApproveMutation$data = {
  readonly approveLease: {
    readonly allocations: ReadonlyArray<{
      readonly id: string;
    }>;
    readonly awaitingApproval: boolean;
    readonly decidedBy: string | null | undefined;
    readonly endsAt: string | null | undefined;
    readonly id: string;
    readonly status: LeaseStatus;
    readonly statusMessage: string | null | undefined;
  };
};
export type ApprovalActionsApproveMutation = {
  response: ApprovalActionsApproveMutation$data;
  variables: ApprovalActionsApproveMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = [
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
    "name": "approveLease",
    "plural": false,
    "selections": [
      (v1/*:: as any*/),
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
        "name": "awaitingApproval",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "statusMessage",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "decidedBy",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "endsAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "Allocation",
        "kind": "LinkedField",
        "name": "allocations",
        "plural": true,
        "selections": [
          (v1/*:: as any*/)
        ],
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
    "name": "ApprovalActionsApproveMutation",
    "selections": (v2/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ApprovalActionsApproveMutation",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "69ec53e802df3820983f94e23974bdf9",
    "id": null,
    "metadata": {},
    "name": "ApprovalActionsApproveMutation",
    "operationKind": "mutation",
    "text": "mutation ApprovalActionsApproveMutation(\n  $id: ID!\n) {\n  approveLease(id: $id) {\n    id\n    status\n    awaitingApproval\n    statusMessage\n    decidedBy\n    endsAt\n    allocations {\n      id\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "e325abc9e8780ee9538e5e65be302622";

export default node;
