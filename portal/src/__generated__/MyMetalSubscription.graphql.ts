/**
 * @generated SignedSource<<b09df3a6fb9df863d9caccb68adde17e>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type MyMetalSubscription$variables = Record<PropertyKey, never>;
export type MyMetalSubscription$data = {
  readonly leaseEvents: {
    readonly at: string;
    readonly kind: string;
    readonly lease: {
      readonly id: string;
      readonly " $fragmentSpreads": FragmentRefs<"MyMetal_lease">;
    };
  };
};
export type MyMetalSubscription = {
  response: MyMetalSubscription$data;
  variables: MyMetalSubscription$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "kind",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "at",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "createdAt",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "MyMetalSubscription",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "LeaseEvent",
        "kind": "LinkedField",
        "name": "leaseEvents",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "Lease",
            "kind": "LinkedField",
            "name": "lease",
            "plural": false,
            "selections": [
              (v2/*:: as any*/),
              {
                "args": null,
                "kind": "FragmentSpread",
                "name": "MyMetal_lease"
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Subscription",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "MyMetalSubscription",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "LeaseEvent",
        "kind": "LinkedField",
        "name": "leaseEvents",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "Lease",
            "kind": "LinkedField",
            "name": "lease",
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
                "name": "awaitingApproval",
                "storageKey": null
              },
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "startsAt",
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
                "name": "note",
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
                "name": "queuePosition",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "queuedUntil",
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
                  (v4/*:: as any*/),
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
                  (v2/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "vendedAt",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "releasedAt",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "credentials",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "InventoryItem",
                    "kind": "LinkedField",
                    "name": "item",
                    "plural": false,
                    "selections": [
                      (v2/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "name",
                        "storageKey": null
                      },
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "pool",
                        "storageKey": null
                      },
                      {
                        "alias": null,
                        "args": null,
                        "concreteType": "Product",
                        "kind": "LinkedField",
                        "name": "product",
                        "plural": false,
                        "selections": [
                          (v4/*:: as any*/),
                          (v2/*:: as any*/)
                        ],
                        "storageKey": null
                      }
                    ],
                    "storageKey": null
                  }
                ],
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ExtensionRequest",
                "kind": "LinkedField",
                "name": "openExtensionRequest",
                "plural": false,
                "selections": [
                  (v2/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "by",
                    "storageKey": null
                  },
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
    ]
  },
  "params": {
    "cacheID": "0eed2d48fe55f1d72bc5adf0309aa4c5",
    "id": null,
    "metadata": {},
    "name": "MyMetalSubscription",
    "operationKind": "subscription",
    "text": "subscription MyMetalSubscription {\n  leaseEvents {\n    kind\n    at\n    lease {\n      id\n      ...MyMetal_lease\n    }\n  }\n}\n\nfragment BookingActions_lease on Lease {\n  id\n  status\n  startsAt\n  endsAt\n}\n\nfragment LeaseActions_lease on Lease {\n  id\n  status\n  awaitingApproval\n  requested {\n    sku\n    quantity\n  }\n  allocations {\n    id\n    item {\n      id\n      product {\n        sku\n        id\n      }\n    }\n  }\n  openExtensionRequest {\n    id\n    by\n    createdAt\n  }\n}\n\nfragment LeaseItems_lease on Lease {\n  allocations {\n    id\n    vendedAt\n    releasedAt\n    credentials\n    item {\n      id\n      name\n      pool\n      product {\n        sku\n        id\n      }\n    }\n  }\n}\n\nfragment MyMetal_lease on Lease {\n  id\n  status\n  awaitingApproval\n  createdAt\n  startsAt\n  endsAt\n  note\n  statusMessage\n  queuePosition\n  queuedUntil\n  requested {\n    sku\n    quantity\n  }\n  allocations {\n    id\n  }\n  ...LeaseItems_lease\n  ...LeaseActions_lease\n  ...BookingActions_lease\n}\n"
  }
};
})();

(node as any).hash = "71fedc0b2f96511e99c9b195a0732482";

export default node;
