/**
 * @generated SignedSource<<5f115eaf08cd23cc785f3e11615eced9>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
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
export type ProductPageVendMutation$variables = {
  input: VendInput;
};
export type ProductPageVendMutation$data = {
  readonly vend: {
    readonly id: string;
    readonly " $fragmentSpreads": FragmentRefs<"ProductPage_result">;
  };
};
export type ProductPageVendMutation = {
  response: ProductPageVendMutation$data;
  variables: ProductPageVendMutation$variables;
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
  "name": "id",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ProductPageVendMutation",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "vend",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "ProductPage_result"
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
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductPageVendMutation",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "vend",
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
            "name": "endsAt",
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
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "sku",
                        "storageKey": null
                      },
                      (v2/*:: as any*/)
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
    "cacheID": "951f3e266c9afa026d66f1821d49cbc5",
    "id": null,
    "metadata": {},
    "name": "ProductPageVendMutation",
    "operationKind": "mutation",
    "text": "mutation ProductPageVendMutation(\n  $input: VendInput!\n) {\n  vend(input: $input) {\n    id\n    ...ProductPage_result\n  }\n}\n\nfragment LeaseItems_lease on Lease {\n  allocations {\n    id\n    vendedAt\n    releasedAt\n    credentials\n    item {\n      id\n      name\n      pool\n      product {\n        sku\n        id\n      }\n    }\n  }\n}\n\nfragment ProductPage_result on Lease {\n  id\n  status\n  awaitingApproval\n  statusMessage\n  endsAt\n  decidedBy\n  ...LeaseItems_lease\n}\n"
  }
};
})();

(node as any).hash = "ff501545b75b3e274e24238841b8ae3a";

export default node;
