/**
 * @generated SignedSource<<1d5dff1c1d5c48008c5eef02cdc624b2>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type VendInput = {
  attributes?: ReadonlyArray<AttributeConstraintInput> | null | undefined;
  dryRun?: boolean | null | undefined;
  duration?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  labels?: ReadonlyArray<string> | null | undefined;
  lines?: ReadonlyArray<LeaseLineInput> | null | undefined;
  maxWait?: string | null | undefined;
  notLabels?: ReadonlyArray<string> | null | undefined;
  note?: string | null | undefined;
  parameters?: ReadonlyArray<ParameterValueInput> | null | undefined;
  pool?: string | null | undefined;
  sku?: string | null | undefined;
  startsAt?: string | null | undefined;
  tier?: number | null | undefined;
  type?: string | null | undefined;
  wait?: boolean | null | undefined;
};
export type LeaseLineInput = {
  attributes?: ReadonlyArray<AttributeConstraintInput> | null | undefined;
  labels?: ReadonlyArray<string> | null | undefined;
  notLabels?: ReadonlyArray<string> | null | undefined;
  parameters?: ReadonlyArray<ParameterValueInput> | null | undefined;
  pool?: string | null | undefined;
  quantity?: number;
  sku?: string | null | undefined;
  tier?: number | null | undefined;
  type?: string | null | undefined;
};
export type ParameterValueInput = {
  name: string;
  value: string;
};
export type AttributeConstraintInput = {
  key: string;
  op?: string | null | undefined;
  value: string;
};
export type VendSelectionPreviewQuery$variables = {
  input: VendInput;
};
export type VendSelectionPreviewQuery$data = {
  readonly vendPreview: {
    readonly duration: string;
    readonly lines: ReadonlyArray<{
      readonly available: number;
      readonly currency: string;
      readonly labels: ReadonlyArray<string>;
      readonly matching: number;
      readonly notLabels: ReadonlyArray<string>;
      readonly picked: boolean;
      readonly pool: string | null | undefined;
      readonly price: number;
      readonly product: {
        readonly name: string;
      };
      readonly quantity: number;
      readonly sku: string;
    }>;
    readonly message: string | null | undefined;
    readonly requiresApproval: boolean;
    readonly totals: ReadonlyArray<{
      readonly amount: number;
      readonly currency: string;
    }>;
    readonly vendable: boolean;
  };
};
export type VendSelectionPreviewQuery = {
  response: VendSelectionPreviewQuery$data;
  variables: VendSelectionPreviewQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = [
  {
    "kind": "Variable",
    "name": "input",
    "variableName": "input"
  }
],
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "duration",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "requiresApproval",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "vendable",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "message",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "currency",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "concreteType": "Money",
  "kind": "LinkedField",
  "name": "totals",
  "plural": true,
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "amount",
      "storageKey": null
    },
    (v6/*:: as any*/)
  ],
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "quantity",
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "picked",
  "storageKey": null
},
v11 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "pool",
  "storageKey": null
},
v12 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "labels",
  "storageKey": null
},
v13 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "notLabels",
  "storageKey": null
},
v14 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "matching",
  "storageKey": null
},
v15 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "available",
  "storageKey": null
},
v16 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "price",
  "storageKey": null
},
v17 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "VendSelectionPreviewQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "VendPreview",
        "kind": "LinkedField",
        "name": "vendPreview",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v7/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "VendPreviewLine",
            "kind": "LinkedField",
            "name": "lines",
            "plural": true,
            "selections": [
              (v8/*:: as any*/),
              (v9/*:: as any*/),
              (v10/*:: as any*/),
              (v11/*:: as any*/),
              (v12/*:: as any*/),
              (v13/*:: as any*/),
              (v14/*:: as any*/),
              (v15/*:: as any*/),
              (v16/*:: as any*/),
              (v6/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "Product",
                "kind": "LinkedField",
                "name": "product",
                "plural": false,
                "selections": [
                  (v17/*:: as any*/)
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
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "VendSelectionPreviewQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "VendPreview",
        "kind": "LinkedField",
        "name": "vendPreview",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v7/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "VendPreviewLine",
            "kind": "LinkedField",
            "name": "lines",
            "plural": true,
            "selections": [
              (v8/*:: as any*/),
              (v9/*:: as any*/),
              (v10/*:: as any*/),
              (v11/*:: as any*/),
              (v12/*:: as any*/),
              (v13/*:: as any*/),
              (v14/*:: as any*/),
              (v15/*:: as any*/),
              (v16/*:: as any*/),
              (v6/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "Product",
                "kind": "LinkedField",
                "name": "product",
                "plural": false,
                "selections": [
                  (v17/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "id",
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
    "cacheID": "55e67692215889e2d0d161d84baa0322",
    "id": null,
    "metadata": {},
    "name": "VendSelectionPreviewQuery",
    "operationKind": "query",
    "text": "query VendSelectionPreviewQuery(\n  $input: VendInput!\n) {\n  vendPreview(input: $input) {\n    duration\n    requiresApproval\n    vendable\n    message\n    totals {\n      amount\n      currency\n    }\n    lines {\n      sku\n      quantity\n      picked\n      pool\n      labels\n      notLabels\n      matching\n      available\n      price\n      currency\n      product {\n        name\n        id\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "7f151c421a041c2d27472df684ac90f3";

export default node;
