/**
 * @generated SignedSource<<58260a1d778c388f283d9ecb86a20032>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ItemStatus = "ARCHIVED" | "ARCHIVING" | "AVAILABLE" | "LEASED" | "MAINTENANCE" | "REBUILDING" | "RESERVING" | "%future added value";
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type InventoryItemWhereInput = {
  and?: ReadonlyArray<InventoryItemWhereInput> | null | undefined;
  createdAt?: string | null | undefined;
  createdAtGT?: string | null | undefined;
  createdAtGTE?: string | null | undefined;
  createdAtIn?: ReadonlyArray<string> | null | undefined;
  createdAtLT?: string | null | undefined;
  createdAtLTE?: string | null | undefined;
  createdAtNEQ?: string | null | undefined;
  createdAtNotIn?: ReadonlyArray<string> | null | undefined;
  hasProduct?: boolean | null | undefined;
  hasProductWith?: ReadonlyArray<ProductWhereInput> | null | undefined;
  id?: string | null | undefined;
  idGT?: string | null | undefined;
  idGTE?: string | null | undefined;
  idIn?: ReadonlyArray<string> | null | undefined;
  idLT?: string | null | undefined;
  idLTE?: string | null | undefined;
  idNEQ?: string | null | undefined;
  idNotIn?: ReadonlyArray<string> | null | undefined;
  lastError?: string | null | undefined;
  lastErrorContains?: string | null | undefined;
  lastErrorContainsFold?: string | null | undefined;
  lastErrorEqualFold?: string | null | undefined;
  lastErrorGT?: string | null | undefined;
  lastErrorGTE?: string | null | undefined;
  lastErrorHasPrefix?: string | null | undefined;
  lastErrorHasSuffix?: string | null | undefined;
  lastErrorIn?: ReadonlyArray<string> | null | undefined;
  lastErrorIsNil?: boolean | null | undefined;
  lastErrorLT?: string | null | undefined;
  lastErrorLTE?: string | null | undefined;
  lastErrorNEQ?: string | null | undefined;
  lastErrorNotIn?: ReadonlyArray<string> | null | undefined;
  lastErrorNotNil?: boolean | null | undefined;
  name?: string | null | undefined;
  nameContains?: string | null | undefined;
  nameContainsFold?: string | null | undefined;
  nameEqualFold?: string | null | undefined;
  nameGT?: string | null | undefined;
  nameGTE?: string | null | undefined;
  nameHasPrefix?: string | null | undefined;
  nameHasSuffix?: string | null | undefined;
  nameIn?: ReadonlyArray<string> | null | undefined;
  nameLT?: string | null | undefined;
  nameLTE?: string | null | undefined;
  nameNEQ?: string | null | undefined;
  nameNotIn?: ReadonlyArray<string> | null | undefined;
  not?: InventoryItemWhereInput | null | undefined;
  or?: ReadonlyArray<InventoryItemWhereInput> | null | undefined;
  pool?: string | null | undefined;
  poolContains?: string | null | undefined;
  poolContainsFold?: string | null | undefined;
  poolEqualFold?: string | null | undefined;
  poolGT?: string | null | undefined;
  poolGTE?: string | null | undefined;
  poolHasPrefix?: string | null | undefined;
  poolHasSuffix?: string | null | undefined;
  poolIn?: ReadonlyArray<string> | null | undefined;
  poolIsNil?: boolean | null | undefined;
  poolLT?: string | null | undefined;
  poolLTE?: string | null | undefined;
  poolNEQ?: string | null | undefined;
  poolNotIn?: ReadonlyArray<string> | null | undefined;
  poolNotNil?: boolean | null | undefined;
  productID?: string | null | undefined;
  productIDIn?: ReadonlyArray<string> | null | undefined;
  productIDNEQ?: string | null | undefined;
  productIDNotIn?: ReadonlyArray<string> | null | undefined;
  status?: ItemStatus | null | undefined;
  statusChangedAt?: string | null | undefined;
  statusChangedAtGT?: string | null | undefined;
  statusChangedAtGTE?: string | null | undefined;
  statusChangedAtIn?: ReadonlyArray<string> | null | undefined;
  statusChangedAtLT?: string | null | undefined;
  statusChangedAtLTE?: string | null | undefined;
  statusChangedAtNEQ?: string | null | undefined;
  statusChangedAtNotIn?: ReadonlyArray<string> | null | undefined;
  statusIn?: ReadonlyArray<ItemStatus> | null | undefined;
  statusNEQ?: ItemStatus | null | undefined;
  statusNotIn?: ReadonlyArray<ItemStatus> | null | undefined;
  updatedAt?: string | null | undefined;
  updatedAtGT?: string | null | undefined;
  updatedAtGTE?: string | null | undefined;
  updatedAtIn?: ReadonlyArray<string> | null | undefined;
  updatedAtLT?: string | null | undefined;
  updatedAtLTE?: string | null | undefined;
  updatedAtNEQ?: string | null | undefined;
  updatedAtNotIn?: ReadonlyArray<string> | null | undefined;
};
export type ProductWhereInput = {
  and?: ReadonlyArray<ProductWhereInput> | null | undefined;
  bookingHorizon?: string | null | undefined;
  bookingHorizonGT?: string | null | undefined;
  bookingHorizonGTE?: string | null | undefined;
  bookingHorizonIn?: ReadonlyArray<string> | null | undefined;
  bookingHorizonIsNil?: boolean | null | undefined;
  bookingHorizonLT?: string | null | undefined;
  bookingHorizonLTE?: string | null | undefined;
  bookingHorizonNEQ?: string | null | undefined;
  bookingHorizonNotIn?: ReadonlyArray<string> | null | undefined;
  bookingHorizonNotNil?: boolean | null | undefined;
  cleaningBuffer?: string | null | undefined;
  cleaningBufferGT?: string | null | undefined;
  cleaningBufferGTE?: string | null | undefined;
  cleaningBufferIn?: ReadonlyArray<string> | null | undefined;
  cleaningBufferLT?: string | null | undefined;
  cleaningBufferLTE?: string | null | undefined;
  cleaningBufferNEQ?: string | null | undefined;
  cleaningBufferNotIn?: ReadonlyArray<string> | null | undefined;
  createdAt?: string | null | undefined;
  createdAtGT?: string | null | undefined;
  createdAtGTE?: string | null | undefined;
  createdAtIn?: ReadonlyArray<string> | null | undefined;
  createdAtLT?: string | null | undefined;
  createdAtLTE?: string | null | undefined;
  createdAtNEQ?: string | null | undefined;
  createdAtNotIn?: ReadonlyArray<string> | null | undefined;
  currency?: string | null | undefined;
  currencyContains?: string | null | undefined;
  currencyContainsFold?: string | null | undefined;
  currencyEqualFold?: string | null | undefined;
  currencyGT?: string | null | undefined;
  currencyGTE?: string | null | undefined;
  currencyHasPrefix?: string | null | undefined;
  currencyHasSuffix?: string | null | undefined;
  currencyIn?: ReadonlyArray<string> | null | undefined;
  currencyLT?: string | null | undefined;
  currencyLTE?: string | null | undefined;
  currencyNEQ?: string | null | undefined;
  currencyNotIn?: ReadonlyArray<string> | null | undefined;
  custom?: boolean | null | undefined;
  customNEQ?: boolean | null | undefined;
  defaultDuration?: string | null | undefined;
  defaultDurationGT?: string | null | undefined;
  defaultDurationGTE?: string | null | undefined;
  defaultDurationIn?: ReadonlyArray<string> | null | undefined;
  defaultDurationIsNil?: boolean | null | undefined;
  defaultDurationLT?: string | null | undefined;
  defaultDurationLTE?: string | null | undefined;
  defaultDurationNEQ?: string | null | undefined;
  defaultDurationNotIn?: ReadonlyArray<string> | null | undefined;
  defaultDurationNotNil?: boolean | null | undefined;
  description?: string | null | undefined;
  descriptionContains?: string | null | undefined;
  descriptionContainsFold?: string | null | undefined;
  descriptionEqualFold?: string | null | undefined;
  descriptionGT?: string | null | undefined;
  descriptionGTE?: string | null | undefined;
  descriptionHasPrefix?: string | null | undefined;
  descriptionHasSuffix?: string | null | undefined;
  descriptionIn?: ReadonlyArray<string> | null | undefined;
  descriptionIsNil?: boolean | null | undefined;
  descriptionLT?: string | null | undefined;
  descriptionLTE?: string | null | undefined;
  descriptionNEQ?: string | null | undefined;
  descriptionNotIn?: ReadonlyArray<string> | null | undefined;
  descriptionNotNil?: boolean | null | undefined;
  expiresAt?: string | null | undefined;
  expiresAtGT?: string | null | undefined;
  expiresAtGTE?: string | null | undefined;
  expiresAtIn?: ReadonlyArray<string> | null | undefined;
  expiresAtIsNil?: boolean | null | undefined;
  expiresAtLT?: string | null | undefined;
  expiresAtLTE?: string | null | undefined;
  expiresAtNEQ?: string | null | undefined;
  expiresAtNotIn?: ReadonlyArray<string> | null | undefined;
  expiresAtNotNil?: boolean | null | undefined;
  extensionRequiresApproval?: boolean | null | undefined;
  extensionRequiresApprovalNEQ?: boolean | null | undefined;
  id?: string | null | undefined;
  idGT?: string | null | undefined;
  idGTE?: string | null | undefined;
  idIn?: ReadonlyArray<string> | null | undefined;
  idLT?: string | null | undefined;
  idLTE?: string | null | undefined;
  idNEQ?: string | null | undefined;
  idNotIn?: ReadonlyArray<string> | null | undefined;
  maxDuration?: string | null | undefined;
  maxDurationGT?: string | null | undefined;
  maxDurationGTE?: string | null | undefined;
  maxDurationIn?: ReadonlyArray<string> | null | undefined;
  maxDurationIsNil?: boolean | null | undefined;
  maxDurationLT?: string | null | undefined;
  maxDurationLTE?: string | null | undefined;
  maxDurationNEQ?: string | null | undefined;
  maxDurationNotIn?: ReadonlyArray<string> | null | undefined;
  maxDurationNotNil?: boolean | null | undefined;
  maxLifetime?: string | null | undefined;
  maxLifetimeGT?: string | null | undefined;
  maxLifetimeGTE?: string | null | undefined;
  maxLifetimeIn?: ReadonlyArray<string> | null | undefined;
  maxLifetimeIsNil?: boolean | null | undefined;
  maxLifetimeLT?: string | null | undefined;
  maxLifetimeLTE?: string | null | undefined;
  maxLifetimeNEQ?: string | null | undefined;
  maxLifetimeNotIn?: ReadonlyArray<string> | null | undefined;
  maxLifetimeNotNil?: boolean | null | undefined;
  minDuration?: string | null | undefined;
  minDurationGT?: string | null | undefined;
  minDurationGTE?: string | null | undefined;
  minDurationIn?: ReadonlyArray<string> | null | undefined;
  minDurationIsNil?: boolean | null | undefined;
  minDurationLT?: string | null | undefined;
  minDurationLTE?: string | null | undefined;
  minDurationNEQ?: string | null | undefined;
  minDurationNotIn?: ReadonlyArray<string> | null | undefined;
  minDurationNotNil?: boolean | null | undefined;
  name?: string | null | undefined;
  nameContains?: string | null | undefined;
  nameContainsFold?: string | null | undefined;
  nameEqualFold?: string | null | undefined;
  nameGT?: string | null | undefined;
  nameGTE?: string | null | undefined;
  nameHasPrefix?: string | null | undefined;
  nameHasSuffix?: string | null | undefined;
  nameIn?: ReadonlyArray<string> | null | undefined;
  nameLT?: string | null | undefined;
  nameLTE?: string | null | undefined;
  nameNEQ?: string | null | undefined;
  nameNotIn?: ReadonlyArray<string> | null | undefined;
  not?: ProductWhereInput | null | undefined;
  or?: ReadonlyArray<ProductWhereInput> | null | undefined;
  pricePerDay?: number | null | undefined;
  pricePerDayGT?: number | null | undefined;
  pricePerDayGTE?: number | null | undefined;
  pricePerDayIn?: ReadonlyArray<number> | null | undefined;
  pricePerDayLT?: number | null | undefined;
  pricePerDayLTE?: number | null | undefined;
  pricePerDayNEQ?: number | null | undefined;
  pricePerDayNotIn?: ReadonlyArray<number> | null | undefined;
  requiresApproval?: boolean | null | undefined;
  requiresApprovalNEQ?: boolean | null | undefined;
  retiredAt?: string | null | undefined;
  retiredAtGT?: string | null | undefined;
  retiredAtGTE?: string | null | undefined;
  retiredAtIn?: ReadonlyArray<string> | null | undefined;
  retiredAtIsNil?: boolean | null | undefined;
  retiredAtLT?: string | null | undefined;
  retiredAtLTE?: string | null | undefined;
  retiredAtNEQ?: string | null | undefined;
  retiredAtNotIn?: ReadonlyArray<string> | null | undefined;
  retiredAtNotNil?: boolean | null | undefined;
  size?: string | null | undefined;
  sizeContains?: string | null | undefined;
  sizeContainsFold?: string | null | undefined;
  sizeEqualFold?: string | null | undefined;
  sizeGT?: string | null | undefined;
  sizeGTE?: string | null | undefined;
  sizeHasPrefix?: string | null | undefined;
  sizeHasSuffix?: string | null | undefined;
  sizeIn?: ReadonlyArray<string> | null | undefined;
  sizeLT?: string | null | undefined;
  sizeLTE?: string | null | undefined;
  sizeNEQ?: string | null | undefined;
  sizeNotIn?: ReadonlyArray<string> | null | undefined;
  sku?: string | null | undefined;
  skuContains?: string | null | undefined;
  skuContainsFold?: string | null | undefined;
  skuEqualFold?: string | null | undefined;
  skuGT?: string | null | undefined;
  skuGTE?: string | null | undefined;
  skuHasPrefix?: string | null | undefined;
  skuHasSuffix?: string | null | undefined;
  skuIn?: ReadonlyArray<string> | null | undefined;
  skuLT?: string | null | undefined;
  skuLTE?: string | null | undefined;
  skuNEQ?: string | null | undefined;
  skuNotIn?: ReadonlyArray<string> | null | undefined;
  tier?: number | null | undefined;
  tierGT?: number | null | undefined;
  tierGTE?: number | null | undefined;
  tierIn?: ReadonlyArray<number> | null | undefined;
  tierLT?: number | null | undefined;
  tierLTE?: number | null | undefined;
  tierNEQ?: number | null | undefined;
  tierNotIn?: ReadonlyArray<number> | null | undefined;
  type?: string | null | undefined;
  typeContains?: string | null | undefined;
  typeContainsFold?: string | null | undefined;
  typeEqualFold?: string | null | undefined;
  typeGT?: string | null | undefined;
  typeGTE?: string | null | undefined;
  typeHasPrefix?: string | null | undefined;
  typeHasSuffix?: string | null | undefined;
  typeIn?: ReadonlyArray<string> | null | undefined;
  typeLT?: string | null | undefined;
  typeLTE?: string | null | undefined;
  typeNEQ?: string | null | undefined;
  typeNotIn?: ReadonlyArray<string> | null | undefined;
  updatedAt?: string | null | undefined;
  updatedAtGT?: string | null | undefined;
  updatedAtGTE?: string | null | undefined;
  updatedAtIn?: ReadonlyArray<string> | null | undefined;
  updatedAtLT?: string | null | undefined;
  updatedAtLTE?: string | null | undefined;
  updatedAtNEQ?: string | null | undefined;
  updatedAtNotIn?: ReadonlyArray<string> | null | undefined;
};
export type InventoryQuery$variables = {
  after?: string | null | undefined;
  before?: string | null | undefined;
  first?: number | null | undefined;
  last?: number | null | undefined;
  where?: InventoryItemWhereInput | null | undefined;
};
export type InventoryQuery$data = {
  readonly inventoryItems: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly id: string;
        readonly labels: ReadonlyArray<string>;
        readonly lastError: string | null | undefined;
        readonly name: string;
        readonly pool: string | null | undefined;
        readonly product: {
          readonly id: string;
          readonly sku: string;
        };
        readonly status: ItemStatus;
        readonly statusChangedAt: string;
      } | null | undefined;
    } | null | undefined> | null | undefined;
    readonly pageInfo: {
      readonly endCursor: string | null | undefined;
      readonly hasNextPage: boolean;
      readonly hasPreviousPage: boolean;
      readonly startCursor: string | null | undefined;
    };
    readonly totalCount: number;
  };
  readonly products: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly components: ReadonlyArray<{
          readonly id: string;
        }>;
        readonly id: string;
        readonly sku: string;
      } | null | undefined;
    } | null | undefined> | null | undefined;
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
export type InventoryQuery = {
  response: InventoryQuery$data;
  variables: InventoryQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "after"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "before"
},
v2 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "first"
},
v3 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "last"
},
v4 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "where"
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": [
    {
      "kind": "Variable",
      "name": "after",
      "variableName": "after"
    },
    {
      "kind": "Variable",
      "name": "before",
      "variableName": "before"
    },
    {
      "kind": "Variable",
      "name": "first",
      "variableName": "first"
    },
    {
      "kind": "Variable",
      "name": "last",
      "variableName": "last"
    },
    {
      "kind": "Literal",
      "name": "orderBy",
      "value": {
        "direction": "ASC",
        "field": "NAME"
      }
    },
    {
      "kind": "Variable",
      "name": "where",
      "variableName": "where"
    }
  ],
  "concreteType": "InventoryItemConnection",
  "kind": "LinkedField",
  "name": "inventoryItems",
  "plural": false,
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "totalCount",
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
          "name": "hasNextPage",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "hasPreviousPage",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "startCursor",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "endCursor",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "InventoryItemEdge",
      "kind": "LinkedField",
      "name": "edges",
      "plural": true,
      "selections": [
        {
          "alias": null,
          "args": null,
          "concreteType": "InventoryItem",
          "kind": "LinkedField",
          "name": "node",
          "plural": false,
          "selections": [
            (v5/*:: as any*/),
            (v6/*:: as any*/),
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
              "kind": "ScalarField",
              "name": "labels",
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
              "name": "statusChangedAt",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "lastError",
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
                (v5/*:: as any*/),
                (v9/*:: as any*/)
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
},
v11 = {
  "alias": null,
  "args": [
    {
      "kind": "Literal",
      "name": "first",
      "value": 500
    },
    {
      "kind": "Literal",
      "name": "includeRetired",
      "value": true
    },
    {
      "kind": "Literal",
      "name": "orderBy",
      "value": {
        "direction": "ASC",
        "field": "SKU"
      }
    }
  ],
  "concreteType": "ProductConnection",
  "kind": "LinkedField",
  "name": "products",
  "plural": false,
  "selections": [
    {
      "alias": null,
      "args": null,
      "concreteType": "ProductEdge",
      "kind": "LinkedField",
      "name": "edges",
      "plural": true,
      "selections": [
        {
          "alias": null,
          "args": null,
          "concreteType": "Product",
          "kind": "LinkedField",
          "name": "node",
          "plural": false,
          "selections": [
            (v5/*:: as any*/),
            (v9/*:: as any*/),
            {
              "alias": null,
              "args": null,
              "concreteType": "Stack",
              "kind": "LinkedField",
              "name": "components",
              "plural": true,
              "selections": [
                (v5/*:: as any*/)
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
  "storageKey": "products(first:500,includeRetired:true,orderBy:{\"direction\":\"ASC\",\"field\":\"SKU\"})"
};
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/),
      (v2/*:: as any*/),
      (v3/*:: as any*/),
      (v4/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "InventoryQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v8/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v10/*:: as any*/),
      (v11/*:: as any*/)
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v2/*:: as any*/),
      (v0/*:: as any*/),
      (v3/*:: as any*/),
      (v1/*:: as any*/),
      (v4/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "InventoryQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          (v7/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v8/*:: as any*/),
              (v5/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v10/*:: as any*/),
      (v11/*:: as any*/)
    ]
  },
  "params": {
    "cacheID": "e8f0edfac00c0b2d83db281cc4b97261",
    "id": null,
    "metadata": {},
    "name": "InventoryQuery",
    "operationKind": "query",
    "text": "query InventoryQuery(\n  $first: Int\n  $after: Cursor\n  $last: Int\n  $before: Cursor\n  $where: InventoryItemWhereInput\n) {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  inventoryItems(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: {field: NAME, direction: ASC}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        pool\n        labels\n        status\n        statusChangedAt\n        lastError\n        product {\n          id\n          sku\n        }\n      }\n    }\n  }\n  products(first: 500, includeRetired: true, orderBy: {field: SKU, direction: ASC}) {\n    edges {\n      node {\n        id\n        sku\n        components {\n          id\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "952cd27797cca9c5ef7adb4cb25c2d01";

export default node;
