/**
 * @generated SignedSource<<9affd0326eb09c57c27c7b22d6a48602>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type LeaseActionsExtendMutation$variables = {
  by: string;
  id: string;
};
export type LeaseActionsExtendMutation$data = {
  readonly extendLease: {
    readonly duration: string;
    readonly endsAt: string | null | undefined;
    readonly id: string;
    readonly openExtensionRequest: {
      readonly id: string;
    } | null | undefined;
    readonly orders: ReadonlyArray<{
      readonly id: string;
      readonly kind: string;
      readonly periodEnd: string;
      readonly periodStart: string;
    }>;
    readonly status: LeaseStatus;
    readonly timeLeft: string | null | undefined;
    readonly updatedAt: string;
    readonly " $fragmentSpreads": FragmentRefs<"LeaseActions_lease">;
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
v2 = [
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
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "status",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "endsAt",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "timeLeft",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "duration",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "updatedAt",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "concreteType": "Order",
  "kind": "LinkedField",
  "name": "orders",
  "plural": true,
  "selections": [
    (v3/*:: as any*/),
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
},
v10 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "LeaseActionsExtendMutation",
    "selections": [
      {
        "alias": null,
        "args": (v2/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "extendLease",
        "plural": false,
        "selections": [
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          (v8/*:: as any*/),
          (v9/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "ExtensionRequest",
            "kind": "LinkedField",
            "name": "openExtensionRequest",
            "plural": false,
            "selections": [
              (v3/*:: as any*/)
            ],
            "storageKey": null
          },
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "LeaseActions_lease"
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
      (v0/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "LeaseActionsExtendMutation",
    "selections": [
      {
        "alias": null,
        "args": (v2/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "extendLease",
        "plural": false,
        "selections": [
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          (v8/*:: as any*/),
          (v9/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "ExtensionRequest",
            "kind": "LinkedField",
            "name": "openExtensionRequest",
            "plural": false,
            "selections": [
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "by",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "createdAt",
                "storageKey": null
              }
            ],
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
            "concreteType": "RequestedLine",
            "kind": "LinkedField",
            "name": "requested",
            "plural": true,
            "selections": [
              (v10/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "quantity",
                "storageKey": null
              }
            ],
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
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "InventoryItem",
                "kind": "LinkedField",
                "name": "item",
                "plural": false,
                "selections": [
                  (v3/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Product",
                    "kind": "LinkedField",
                    "name": "product",
                    "plural": false,
                    "selections": [
                      (v10/*:: as any*/),
                      (v3/*:: as any*/)
                    ],
                    "storageKey": null
                  }
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "e2636357ab8cc2f1f077d8bf7b5a8335",
    "id": null,
    "metadata": {},
    "name": "LeaseActionsExtendMutation",
    "operationKind": "mutation",
    "text": "mutation LeaseActionsExtendMutation(\n  $id: ID!\n  $by: Duration!\n) {\n  extendLease(id: $id, by: $by) {\n    id\n    status\n    endsAt\n    timeLeft\n    duration\n    updatedAt\n    orders {\n      id\n      kind\n      periodStart\n      periodEnd\n    }\n    openExtensionRequest {\n      id\n    }\n    ...LeaseActions_lease\n  }\n}\n\nfragment LeaseActions_lease on Lease {\n  id\n  status\n  awaitingApproval\n  requested {\n    sku\n    quantity\n  }\n  allocations {\n    id\n    item {\n      id\n      product {\n        sku\n        id\n      }\n    }\n  }\n  openExtensionRequest {\n    id\n    by\n    createdAt\n  }\n}\n"
  }
};
})();

(node as any).hash = "85cd1336e40891c62ef44c04ba7661e6";

export default node;
