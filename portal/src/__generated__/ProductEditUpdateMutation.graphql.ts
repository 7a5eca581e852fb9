/**
 * @generated SignedSource<<1634fd6a1a0279baa0115f797c504f22>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type AttributeType = "BOOLEAN" | "NUMBER" | "STRING" | "%future added value";
export type ParameterType = "BOOLEAN" | "ENUM" | "INTEGER" | "SECRET" | "SSH_PUBLIC_KEY" | "STRING" | "%future added value";
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
  parameters?: ReadonlyArray<ProductParameterInput> | null | undefined;
  pricePerDay?: number | null | undefined;
  requiresApproval?: boolean | null | undefined;
};
export type AttributeInput = {
  key: string;
  type?: AttributeType | null | undefined;
  value: string;
};
export type ProductParameterInput = {
  default?: string | null | undefined;
  description?: string | null | undefined;
  fixed?: boolean | null | undefined;
  max?: number | null | undefined;
  maxLength?: number | null | undefined;
  min?: number | null | undefined;
  name: string;
  pattern?: string | null | undefined;
  required?: boolean | null | undefined;
  type: ParameterType;
  values?: ReadonlyArray<string> | null | undefined;
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
  "name": "description",
  "storageKey": null
},
v3 = [
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
      (v1/*:: as any*/),
      (v2/*:: as any*/),
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
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "ProductParameter",
        "kind": "LinkedField",
        "name": "parameters",
        "plural": true,
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "type",
            "storageKey": null
          },
          (v2/*:: as any*/),
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
    "selections": (v3/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductEditUpdateMutation",
    "selections": (v3/*:: as any*/)
  },
  "params": {
    "cacheID": "5cc7a9780a5ba2da4b3f273ef392a3e2",
    "id": null,
    "metadata": {},
    "name": "ProductEditUpdateMutation",
    "operationKind": "mutation",
    "text": "mutation ProductEditUpdateMutation(\n  $id: ID!\n  $input: UpdateProductInput!\n) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    description\n    pricePerDay\n    defaultDuration\n    minDuration\n    maxDuration\n    maxLifetime\n    requiresApproval\n    extensionRequiresApproval\n    attributes {\n      key\n      value\n    }\n    parameters {\n      name\n      type\n      description\n      required\n      default\n      fixed\n      values\n      min\n      max\n      maxLength\n      pattern\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "4f3197eaca63166bb2d63982850dd0be";

export default node;
