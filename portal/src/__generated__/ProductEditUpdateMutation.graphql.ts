/**
 * @generated SignedSource<<48021e628ce3837d684d0c7a1a9ea637>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type UpdateProductInput = {
  attributes?: ReadonlyArray<AttributeInput> | null | undefined;
  bookingHorizon?: string | null | undefined;
  cleaningBuffer?: string | null | undefined;
  defaultDuration?: string | null | undefined;
  description?: string | null | undefined;
  extensionRequiresApproval?: boolean | null | undefined;
  maxDuration?: string | null | undefined;
  maxLifetime?: string | null | undefined;
  minDuration?: string | null | undefined;
  name?: string | null | undefined;
  pricePerDay?: number | null | undefined;
  requiresApproval?: boolean | null | undefined;
};
export type AttributeInput = {
  key: string;
  value: string;
};
export type ProductEditUpdateMutation$variables = {
  id: string;
  input: UpdateProductInput;
};
export type ProductEditUpdateMutation$data = {
  readonly updateProduct: {
    readonly attributes: ReadonlyArray<{
      readonly key: string;
      readonly value: string;
    }>;
    readonly defaultDuration: string | null | undefined;
    readonly description: string | null | undefined;
    readonly extensionRequiresApproval: boolean;
    readonly id: string;
    readonly maxDuration: string | null | undefined;
    readonly maxLifetime: string | null | undefined;
    readonly minDuration: string | null | undefined;
    readonly name: string;
    readonly pricePerDay: number;
    readonly requiresApproval: boolean;
    readonly sku: string;
  };
};
export type ProductEditUpdateMutation = {
  response: ProductEditUpdateMutation$data;
  variables: ProductEditUpdateMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  },
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      },
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "Product",
    "kind": "LinkedField",
    "name": "updateProduct",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
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
        "name": "name",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "description",
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
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ProductEditUpdateMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductEditUpdateMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "c0acf22bad6318ee4f0b8d55f7929971",
    "id": null,
    "metadata": {},
    "name": "ProductEditUpdateMutation",
    "operationKind": "mutation",
    "text": "mutation ProductEditUpdateMutation(\n  $id: ID!\n  $input: UpdateProductInput!\n) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    description\n    pricePerDay\n    defaultDuration\n    minDuration\n    maxDuration\n    maxLifetime\n    requiresApproval\n    extensionRequiresApproval\n    attributes {\n      key\n      value\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "eaa256ab8db21cfdc75442c4b02e54fc";

export default node;
