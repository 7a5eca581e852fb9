/**
 * @generated SignedSource<<94d4668e8902dd81f3fd6afaed8dd131>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type BookingActionsRescheduleMutation$variables = {
  endsAt: string;
  id: string;
  startsAt: string;
};
export type BookingActionsRescheduleMutation$data = {
  readonly rescheduleLease: {
    readonly duration: string;
    readonly endsAt: string | null | undefined;
    readonly id: string;
    readonly startsAt: string | null | undefined;
    readonly status: LeaseStatus;
    readonly " $fragmentSpreads": FragmentRefs<"BookingActions_lease">;
  };
};
export type BookingActionsRescheduleMutation = {
  response: BookingActionsRescheduleMutation$data;
  variables: BookingActionsRescheduleMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "endsAt"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "id"
},
v2 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "startsAt"
},
v3 = [
  {
    "kind": "Variable",
    "name": "endsAt",
    "variableName": "endsAt"
  },
  {
    "kind": "Variable",
    "name": "id",
    "variableName": "id"
  },
  {
    "kind": "Variable",
    "name": "startsAt",
    "variableName": "startsAt"
  }
],
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "status",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "startsAt",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "endsAt",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "duration",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/),
      (v2/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "BookingActionsRescheduleMutation",
    "selections": [
      {
        "alias": null,
        "args": (v3/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "rescheduleLease",
        "plural": false,
        "selections": [
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          (v8/*:: as any*/),
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "BookingActions_lease"
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v1/*:: as any*/),
      (v2/*:: as any*/),
      (v0/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "BookingActionsRescheduleMutation",
    "selections": [
      {
        "alias": null,
        "args": (v3/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "rescheduleLease",
        "plural": false,
        "selections": [
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          (v8/*:: as any*/)
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "c72ce27a09caf2c7de7c30cdceaee349",
    "id": null,
    "metadata": {},
    "name": "BookingActionsRescheduleMutation",
    "operationKind": "mutation",
    "text": "mutation BookingActionsRescheduleMutation(\n  $id: ID!\n  $startsAt: Time!\n  $endsAt: Time!\n) {\n  rescheduleLease(id: $id, startsAt: $startsAt, endsAt: $endsAt) {\n    id\n    status\n    startsAt\n    endsAt\n    duration\n    ...BookingActions_lease\n  }\n}\n\nfragment BookingActions_lease on Lease {\n  id\n  status\n  startsAt\n  endsAt\n}\n"
  }
};
})();

(node as any).hash = "09646d0bf24a785b1968232a3d51e1ea";

export default node;
