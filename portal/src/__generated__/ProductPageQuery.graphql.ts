/**
 * @generated SignedSource<<5b0f09f30f8d60aecd7275ee3dcd2787>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ParameterType = "BOOLEAN" | "ENUM" | "INTEGER" | "SECRET" | "SSH_PUBLIC_KEY" | "STRING" | "%future added value";
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type ProductPageQuery$variables = {
  sku: string;
};
export type ProductPageQuery$data = {
  readonly availability: ReadonlyArray<{
    readonly available: number;
    readonly leased: number;
    readonly maintenance: number;
    readonly rebuilding: number;
    readonly reserving: number;
    readonly sku: string;
  }>;
  readonly product: {
    readonly attributes: ReadonlyArray<{
      readonly key: string;
      readonly value: string;
    }>;
    readonly components: ReadonlyArray<{
      readonly id: string;
      readonly product: {
        readonly id: string;
        readonly name: string;
        readonly parameters: ReadonlyArray<{
          readonly default: string | null | undefined;
          readonly description: string | null | undefined;
          readonly fixed: boolean;
          readonly max: number | null | undefined;
          readonly maxLength: number | null | undefined;
          readonly min: number | null | undefined;
          readonly name: string;
          readonly pattern: string | null | undefined;
          readonly required: boolean;
          readonly type: ParameterType;
          readonly values: ReadonlyArray<string> | null | undefined;
        }>;
        readonly sku: string;
      };
      readonly quantity: number;
    }>;
    readonly currency: string;
    readonly custom: boolean;
    readonly defaultDuration: string | null | undefined;
    readonly description: string | null | undefined;
    readonly expiresAt: string | null | undefined;
    readonly extensionRequiresApproval: boolean;
    readonly id: string;
    readonly maxDuration: string | null | undefined;
    readonly maxLifetime: string | null | undefined;
    readonly minDuration: string | null | undefined;
    readonly name: string;
    readonly parameters: ReadonlyArray<{
      readonly default: string | null | undefined;
      readonly description: string | null | undefined;
      readonly fixed: boolean;
      readonly max: number | null | undefined;
      readonly maxLength: number | null | undefined;
      readonly min: number | null | undefined;
      readonly name: string;
      readonly pattern: string | null | undefined;
      readonly required: boolean;
      readonly type: ParameterType;
      readonly values: ReadonlyArray<string> | null | undefined;
    }>;
    readonly pricePerDay: number;
    readonly requiresApproval: boolean;
    readonly retired: boolean;
    readonly size: string;
    readonly sku: string;
    readonly tier: number;
    readonly type: string;
  } | null | undefined;
  readonly viewer: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly id: string;
    readonly name: string;
    readonly role: Role;
  };
};
export type ProductPageQuery = {
  response: ProductPageQuery$data;
  variables: ProductPageQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "sku"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v5 = [
  {
    "kind": "Variable",
    "name": "sku",
    "variableName": "sku"
  }
],
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "description",
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "type",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "concreteType": "ProductParameter",
  "kind": "LinkedField",
  "name": "parameters",
  "plural": true,
  "selections": [
    (v2/*:: as any*/),
    (v8/*:: as any*/),
    (v7/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "required",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "default",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "fixed",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "values",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "min",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "max",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "maxLength",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "pattern",
      "storageKey": null
    }
  ],
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": (v5/*:: as any*/),
  "concreteType": "Product",
  "kind": "LinkedField",
  "name": "product",
  "plural": false,
  "selections": [
    (v1/*:: as any*/),
    (v6/*:: as any*/),
    (v2/*:: as any*/),
    (v7/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "tier",
      "storageKey": null
    },
    (v8/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "size",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Attribute",
      "kind": "LinkedField",
      "name": "attributes",
      "plural": true,
      "selections": [
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "key",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "value",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "pricePerDay",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "currency",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "defaultDuration",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "minDuration",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "maxDuration",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "maxLifetime",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "requiresApproval",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "extensionRequiresApproval",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "retired",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "custom",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "expiresAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Stack",
      "kind": "LinkedField",
      "name": "components",
      "plural": true,
      "selections": [
        (v1/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "quantity",
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
            (v1/*:: as any*/),
            (v6/*:: as any*/),
            (v2/*:: as any*/),
            (v9/*:: as any*/)
          ],
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    (v9/*:: as any*/)
  ],
  "storageKey": null
},
v11 = {
  "alias": null,
  "args": (v5/*:: as any*/),
  "concreteType": "Availability",
  "kind": "LinkedField",
  "name": "availability",
  "plural": true,
  "selections": [
    (v6/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "available",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "reserving",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "leased",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "rebuilding",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "maintenance",
      "storageKey": null
    }
  ],
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ProductPageQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v4/*:: as any*/)
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
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductPageQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v4/*:: as any*/),
              (v1/*:: as any*/)
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
    "cacheID": "92a86c4d7b0e49b6af160c972066b20f",
    "id": null,
    "metadata": {},
    "name": "ProductPageQuery",
    "operationKind": "query",
    "text": "query ProductPageQuery(\n  $sku: String!\n) {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  product(sku: $sku) {\n    id\n    sku\n    name\n    description\n    tier\n    type\n    size\n    attributes {\n      key\n      value\n    }\n    pricePerDay\n    currency\n    defaultDuration\n    minDuration\n    maxDuration\n    maxLifetime\n    requiresApproval\n    extensionRequiresApproval\n    retired\n    custom\n    expiresAt\n    components {\n      id\n      quantity\n      product {\n        id\n        sku\n        name\n        parameters {\n          name\n          type\n          description\n          required\n          default\n          fixed\n          values\n          min\n          max\n          maxLength\n          pattern\n        }\n      }\n    }\n    parameters {\n      name\n      type\n      description\n      required\n      default\n      fixed\n      values\n      min\n      max\n      maxLength\n      pattern\n    }\n  }\n  availability(sku: $sku) {\n    sku\n    available\n    reserving\n    leased\n    rebuilding\n    maintenance\n  }\n}\n"
  }
};
})();

(node as any).hash = "ec4b427176042cb7ede20a344ab72eb0";

export default node;
