/**
 * @generated SignedSource<<d508a3e846802647b3d4daa8de06a95b>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type MyMetalQuery$variables = Record<PropertyKey, never>;
export type MyMetalQuery$data = {
  readonly viewer: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly current: {
      readonly edges: ReadonlyArray<{
        readonly node: {
          readonly id: string;
          readonly " $fragmentSpreads": FragmentRefs<"MyMetal_lease">;
        } | null | undefined;
      } | null | undefined> | null | undefined;
      readonly totalCount: number;
    };
    readonly id: string;
    readonly name: string;
    readonly role: Role;
    readonly " $fragmentSpreads": FragmentRefs<"MyMetal_history">;
  };
};
export type MyMetalQuery = {
  response: MyMetalQuery$data;
  variables: MyMetalQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v4 = {
  "kind": "Literal",
  "name": "orderBy",
  "value": {
    "direction": "DESC",
    "field": "CREATED_AT"
  }
},
v5 = [
  {
    "kind": "Literal",
    "name": "first",
    "value": 200
  },
  (v4/*:: as any*/),
  {
    "kind": "Literal",
    "name": "where",
    "value": {
      "statusIn": [
        "SCHEDULED",
        "QUEUED",
        "PENDING",
        "ACTIVE"
      ]
    }
  }
],
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "totalCount",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "status",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "createdAt",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "note",
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "statusMessage",
  "storageKey": null
},
v11 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
},
v12 = {
  "alias": null,
  "args": null,
  "concreteType": "RequestedLine",
  "kind": "LinkedField",
  "name": "requested",
  "plural": true,
  "selections": [
    (v11/*:: as any*/),
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
v13 = [
  {
    "kind": "Literal",
    "name": "first",
    "value": 20
  },
  (v4/*:: as any*/),
  {
    "kind": "Literal",
    "name": "where",
    "value": {
      "statusIn": [
        "RETURNED",
        "EXPIRED",
        "REJECTED"
      ]
    }
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "MyMetalQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v3/*:: as any*/)
            ],
            "storageKey": null
          },
          {
            "alias": "current",
            "args": (v5/*:: as any*/),
            "concreteType": "LeaseConnection",
            "kind": "LinkedField",
            "name": "leases",
            "plural": false,
            "selections": [
              (v6/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "LeaseEdge",
                "kind": "LinkedField",
                "name": "edges",
                "plural": true,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Lease",
                    "kind": "LinkedField",
                    "name": "node",
                    "plural": false,
                    "selections": [
                      (v0/*:: as any*/),
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
            "storageKey": "leases(first:200,orderBy:{\"direction\":\"DESC\",\"field\":\"CREATED_AT\"},where:{\"statusIn\":[\"SCHEDULED\",\"QUEUED\",\"PENDING\",\"ACTIVE\"]})"
          },
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "MyMetal_history"
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "MyMetalQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v3/*:: as any*/),
              (v0/*:: as any*/)
            ],
            "storageKey": null
          },
          {
            "alias": "current",
            "args": (v5/*:: as any*/),
            "concreteType": "LeaseConnection",
            "kind": "LinkedField",
            "name": "leases",
            "plural": false,
            "selections": [
              (v6/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "LeaseEdge",
                "kind": "LinkedField",
                "name": "edges",
                "plural": true,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Lease",
                    "kind": "LinkedField",
                    "name": "node",
                    "plural": false,
                    "selections": [
                      (v0/*:: as any*/),
                      (v7/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "awaitingApproval",
                        "storageKey": null
                      },
                      (v8/*:: as any*/),
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
                      (v9/*:: as any*/),
                      (v10/*:: as any*/),
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
                      (v12/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "concreteType": "Allocation",
                        "kind": "LinkedField",
                        "name": "allocations",
                        "plural": true,
                        "selections": [
                          (v0/*:: as any*/),
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
                              (v0/*:: as any*/),
                              (v1/*:: as any*/),
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
                                  (v11/*:: as any*/),
                                  (v0/*:: as any*/)
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
                          (v0/*:: as any*/),
                          {
                            "alias": null,
                            "args": null,
                            "kind": "ScalarField",
                            "name": "by",
                            "storageKey": null
                          },
                          (v8/*:: as any*/)
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
            "storageKey": "leases(first:200,orderBy:{\"direction\":\"DESC\",\"field\":\"CREATED_AT\"},where:{\"statusIn\":[\"SCHEDULED\",\"QUEUED\",\"PENDING\",\"ACTIVE\"]})"
          },
          {
            "alias": "history",
            "args": (v13/*:: as any*/),
            "concreteType": "LeaseConnection",
            "kind": "LinkedField",
            "name": "leases",
            "plural": false,
            "selections": [
              (v6/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "LeaseEdge",
                "kind": "LinkedField",
                "name": "edges",
                "plural": true,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Lease",
                    "kind": "LinkedField",
                    "name": "node",
                    "plural": false,
                    "selections": [
                      (v0/*:: as any*/),
                      (v7/*:: as any*/),
                      (v8/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "endedAt",
                        "storageKey": null
                      },
                      (v10/*:: as any*/),
                      (v9/*:: as any*/),
                      (v12/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "concreteType": "Allocation",
                        "kind": "LinkedField",
                        "name": "allocations",
                        "plural": true,
                        "selections": [
                          (v0/*:: as any*/),
                          {
                            "alias": null,
                            "args": null,
                            "concreteType": "InventoryItem",
                            "kind": "LinkedField",
                            "name": "item",
                            "plural": false,
                            "selections": [
                              (v0/*:: as any*/),
                              (v1/*:: as any*/)
                            ],
                            "storageKey": null
                          }
                        ],
                        "storageKey": null
                      },
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "__typename",
                        "storageKey": null
                      }
                    ],
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "cursor",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "PageInfo",
                "kind": "LinkedField",
                "name": "pageInfo",
                "plural": false,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "endCursor",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "hasNextPage",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              }
            ],
            "storageKey": "leases(first:20,orderBy:{\"direction\":\"DESC\",\"field\":\"CREATED_AT\"},where:{\"statusIn\":[\"RETURNED\",\"EXPIRED\",\"REJECTED\"]})"
          },
          {
            "alias": "history",
            "args": (v13/*:: as any*/),
            "filters": [
              "where",
              "orderBy"
            ],
            "handle": "connection",
            "key": "MyMetal_history",
            "kind": "LinkedHandle",
            "name": "leases"
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "1c82ed6919bc4ca1e0f553b3cddc6ea7",
    "id": null,
    "metadata": {},
    "name": "MyMetalQuery",
    "operationKind": "query",
    "text": "query MyMetalQuery {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n    current: leases(first: 200, where: {statusIn: [SCHEDULED, QUEUED, PENDING, ACTIVE]}, orderBy: {field: CREATED_AT, direction: DESC}) {\n      totalCount\n      edges {\n        node {\n          id\n          ...MyMetal_lease\n        }\n      }\n    }\n    ...MyMetal_history\n  }\n}\n\nfragment BookingActions_lease on Lease {\n  id\n  status\n  startsAt\n  endsAt\n}\n\nfragment LeaseActions_lease on Lease {\n  id\n  status\n  awaitingApproval\n  requested {\n    sku\n    quantity\n  }\n  allocations {\n    id\n    item {\n      id\n      product {\n        sku\n        id\n      }\n    }\n  }\n  openExtensionRequest {\n    id\n    by\n    createdAt\n  }\n}\n\nfragment LeaseItems_lease on Lease {\n  allocations {\n    id\n    vendedAt\n    releasedAt\n    credentials\n    item {\n      id\n      name\n      pool\n      product {\n        sku\n        id\n      }\n    }\n  }\n}\n\nfragment MyMetal_history on User {\n  history: leases(first: 20, where: {statusIn: [RETURNED, EXPIRED, REJECTED]}, orderBy: {field: CREATED_AT, direction: DESC}) {\n    totalCount\n    edges {\n      node {\n        id\n        status\n        createdAt\n        endedAt\n        statusMessage\n        note\n        requested {\n          sku\n          quantity\n        }\n        allocations {\n          id\n          item {\n            id\n            name\n          }\n        }\n        __typename\n      }\n      cursor\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n  id\n}\n\nfragment MyMetal_lease on Lease {\n  id\n  status\n  awaitingApproval\n  createdAt\n  startsAt\n  endsAt\n  note\n  statusMessage\n  queuePosition\n  queuedUntil\n  requested {\n    sku\n    quantity\n  }\n  allocations {\n    id\n  }\n  ...LeaseItems_lease\n  ...LeaseActions_lease\n  ...BookingActions_lease\n}\n"
  }
};
})();

(node as any).hash = "5871896ed6186410828d5b85f883f8a2";

export default node;
