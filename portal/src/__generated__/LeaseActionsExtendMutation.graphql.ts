/**
 * @generated SignedSource<<02ff52293f89289e35f4345dc2b90233>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "REJECTED" | "RETURNED" | "%future added value";
export type LeaseActionsExtendMutation$variables = {
  by: string;
  id: string;
};
export type LeaseActionsExtendMutation$data = {
  readonly extendLease: {
    readonly duration: string;
    readonly endsAt: string | null | undefined;
    readonly id: string;
    readonly orders: ReadonlyArray<{
      readonly id: string;
      readonly kind: string;
      readonly periodEnd: string;
      readonly periodStart: string;
    }>;
    readonly status: LeaseStatus;
    readonly timeLeft: string | null | undefined;
    readonly updatedAt: string;
  };
};
export type LeaseActionsExtendMutation = {
  response: LeaseActionsExtendMutation$data;
  variables: LeaseActionsExtendMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "by"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "id"
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "by",
        "variableName": "by"
      },
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": "Lease",
    "kind": "LinkedField",
    "name": "extendLease",
    "plural": false,
    "selections": [
      (v2/*:: as any*/),
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
        "name": "endsAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "timeLeft",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "duration",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "updatedAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "Order",
        "kind": "LinkedField",
        "name": "orders",
        "plural": true,
        "selections": [
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "kind",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "periodStart",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "periodEnd",
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "LeaseActionsExtendMutation",
    "selections": (v3/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v1/*:: as any*/),
      (v0/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "LeaseActionsExtendMutation",
    "selections": (v3/*:: as any*/)
  },
  "params": {
    "cacheID": "25d8e46af51e4149eaf5cd91078e8d3d",
    "id": null,
    "metadata": {},
    "name": "LeaseActionsExtendMutation",
    "operationKind": "mutation",
    "text": "mutation LeaseActionsExtendMutation(\n  $id: ID!\n  $by: Duration!\n) {\n  extendLease(id: $id, by: $by) {\n    id\n    status\n    endsAt\n    timeLeft\n    duration\n    updatedAt\n    orders {\n      id\n      kind\n      periodStart\n      periodEnd\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "c4fc3be9ac9635d7b5dceee3ecaa61bd";

export default node;
