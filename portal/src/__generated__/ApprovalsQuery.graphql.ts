/**
 * @generated SignedSource<<10990f3cd87d7f0a219fe22df3aa4caf>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type ApprovalsQuery$variables = Record<PropertyKey, never>;
export type ApprovalsQuery$data = {
  readonly extensionRequests: ReadonlyArray<{
    readonly by: string;
    readonly createdAt: string;
    readonly id: string;
    readonly lease: {
      readonly endsAt: string | null | undefined;
      readonly id: string;
      readonly requested: ReadonlyArray<{
        readonly quantity: number;
        readonly sku: string;
      }>;
    };
    readonly mayDecide: boolean;
    readonly requester: {
      readonly costCenter: {
        readonly code: string;
      } | null | undefined;
      readonly id: string;
      readonly name: string;
    };
  }>;
  readonly pending: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly createdAt: string;
        readonly duration: string;
        readonly id: string;
        readonly note: string | null | undefined;
        readonly owner: {
          readonly costCenter: {
            readonly code: string;
          } | null | undefined;
          readonly email: string | null | undefined;
          readonly id: string;
          readonly name: string;
        };
        readonly requested: ReadonlyArray<{
          readonly quantity: number;
          readonly sku: string;
        }>;
      } | null | undefined;
    } | null | undefined> | null | undefined;
    readonly totalCount: number;
  };
  readonly viewer: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly id: string;
    readonly name: string;
    readonly role: Role;
  };
};
export type ApprovalsQuery = {
  response: ApprovalsQuery$data;
  variables: ApprovalsQuery$variables;
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
v5 = [
  {
    "kind": "Literal",
    "name": "first",
    "value": 200
  },
  {
    "kind": "Literal",
    "name": "orderBy",
    "value": {
      "direction": "ASC",
      "field": "CREATED_AT"
    }
  },
  {
    "kind": "Literal",
    "name": "where",
    "value": {
      "awaitingApproval": true,
      "status": "PENDING"
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
  "name": "createdAt",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "duration",
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
  "concreteType": "RequestedLine",
  "kind": "LinkedField",
  "name": "requested",
  "plural": true,
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "sku",
      "storageKey": null
    },
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
v11 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "email",
  "storageKey": null
},
v12 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "by",
  "storageKey": null
},
v13 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "mayDecide",
  "storageKey": null
},
v14 = {
  "alias": null,
  "args": null,
  "concreteType": "Lease",
  "kind": "LinkedField",
  "name": "lease",
  "plural": false,
  "selections": [
    (v0/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "endsAt",
      "storageKey": null
    },
    (v10/*:: as any*/)
  ],
  "storageKey": null
},
v15 = {
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
};
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "ApprovalsQuery",
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
          (v4/*:: as any*/)
        ],
        "storageKey": null
      },
      {
        "alias": "pending",
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
                  (v8/*:: as any*/),
                  (v9/*:: as any*/),
                  (v10/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "User",
                    "kind": "LinkedField",
                    "name": "owner",
                    "plural": false,
                    "selections": [
                      (v0/*:: as any*/),
                      (v1/*:: as any*/),
                      (v11/*:: as any*/),
                      (v4/*:: as any*/)
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
        "storageKey": "leases(first:200,orderBy:{\"direction\":\"ASC\",\"field\":\"CREATED_AT\"},where:{\"awaitingApproval\":true,\"status\":\"PENDING\"})"
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "ExtensionRequest",
        "kind": "LinkedField",
        "name": "extensionRequests",
        "plural": true,
        "selections": [
          (v0/*:: as any*/),
          (v12/*:: as any*/),
          (v7/*:: as any*/),
          (v13/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "User",
            "kind": "LinkedField",
            "name": "requester",
            "plural": false,
            "selections": [
              (v0/*:: as any*/),
              (v1/*:: as any*/),
              (v4/*:: as any*/)
            ],
            "storageKey": null
          },
          (v14/*:: as any*/)
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
    "name": "ApprovalsQuery",
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
          (v15/*:: as any*/)
        ],
        "storageKey": null
      },
      {
        "alias": "pending",
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
                  (v8/*:: as any*/),
                  (v9/*:: as any*/),
                  (v10/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "User",
                    "kind": "LinkedField",
                    "name": "owner",
                    "plural": false,
                    "selections": [
                      (v0/*:: as any*/),
                      (v1/*:: as any*/),
                      (v11/*:: as any*/),
                      (v15/*:: as any*/)
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
        "storageKey": "leases(first:200,orderBy:{\"direction\":\"ASC\",\"field\":\"CREATED_AT\"},where:{\"awaitingApproval\":true,\"status\":\"PENDING\"})"
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "ExtensionRequest",
        "kind": "LinkedField",
        "name": "extensionRequests",
        "plural": true,
        "selections": [
          (v0/*:: as any*/),
          (v12/*:: as any*/),
          (v7/*:: as any*/),
          (v13/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "User",
            "kind": "LinkedField",
            "name": "requester",
            "plural": false,
            "selections": [
              (v0/*:: as any*/),
              (v1/*:: as any*/),
              (v15/*:: as any*/)
            ],
            "storageKey": null
          },
          (v14/*:: as any*/)
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "34f0fc8ac8f0b16be35d20ddd0e98e2b",
    "id": null,
    "metadata": {},
    "name": "ApprovalsQuery",
    "operationKind": "query",
    "text": "query ApprovalsQuery {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  pending: leases(first: 200, where: {status: PENDING, awaitingApproval: true}, orderBy: {field: CREATED_AT, direction: ASC}) {\n    totalCount\n    edges {\n      node {\n        id\n        createdAt\n        duration\n        note\n        requested {\n          sku\n          quantity\n        }\n        owner {\n          id\n          name\n          email\n          costCenter {\n            code\n            id\n          }\n        }\n      }\n    }\n  }\n  extensionRequests {\n    id\n    by\n    createdAt\n    mayDecide\n    requester {\n      id\n      name\n      costCenter {\n        code\n        id\n      }\n    }\n    lease {\n      id\n      endsAt\n      requested {\n        sku\n        quantity\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "a5bd97772a50dbf70810c06d5fd4ce87";

export default node;
