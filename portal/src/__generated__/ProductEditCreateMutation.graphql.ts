/**
 * @generated SignedSource<<46b2d21b2f8de184cd56cbc7310d1114>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type AttributeType = "BOOLEAN" | "NUMBER" | "STRING" | "%future added value";
export type ParameterType = "BOOLEAN" | "ENUM" | "INTEGER" | "SECRET" | "SSH_PUBLIC_KEY" | "STRING" | "%future added value";
export type CreateProductInput = {
  attributes?: ReadonlyArray<AttributeInput> | null | undefined;
  bookingHorizon?: string | null | undefined;
  cleaningBuffer?: string | null | undefined;
  components?: ReadonlyArray<LeaseLineInput> | null | undefined;
  currency: string;
  custom?: boolean | null | undefined;
  defaultDuration?: string | null | undefined;
  description?: string | null | undefined;
  expiresAt?: string | null | undefined;
  extensionRequiresApproval?: boolean | null | undefined;
  maxDuration?: string | null | undefined;
  maxLifetime?: string | null | undefined;
  minDuration?: string | null | undefined;
  name: string;
  parameters?: ReadonlyArray<ProductParameterInput> | null | undefined;
  pricePerDay: number;
  requiresApproval?: boolean | null | undefined;
  sku: string;
};
export type AttributeInput = {
  key: string;
  type?: AttributeType | null | undefined;
  value: string;
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
export type ProductEditCreateMutation$variables = {
  input: CreateProductInput;
};
export type ProductEditCreateMutation$data = {
  readonly createProduct: {
    readonly id: string;
    readonly sku: string;
  };
};
export type ProductEditCreateMutation = {
  response: ProductEditCreateMutation$data;
  variables: ProductEditCreateMutation$variables;
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
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "Product",
    "kind": "LinkedField",
    "name": "createProduct",
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
    "name": "ProductEditCreateMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductEditCreateMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "4a8b49d7b4c0b935cddd8a625c9349d5",
    "id": null,
    "metadata": {},
    "name": "ProductEditCreateMutation",
    "operationKind": "mutation",
    "text": "mutation ProductEditCreateMutation(\n  $input: CreateProductInput!\n) {\n  createProduct(input: $input) {\n    id\n    sku\n  }\n}\n"
  }
};
})();

(node as any).hash = "46f4d9540fd71c2531941bc8cc654062";

export default node;
