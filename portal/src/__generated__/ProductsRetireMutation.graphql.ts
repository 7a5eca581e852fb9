/**
 * @generated SignedSource<<ed52b4271d4214c1ad98219791bfd99a>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ProductsRetireMutation$variables = {
  id: string;
};
export type ProductsRetireMutation$data = {
  readonly retireProduct: {
    readonly id: string;
    readonly retired: boolean;
    readonly retiredAt: string | null | undefined;
  };
};
export type ProductsRetireMutation = {
  response: ProductsRetireMutation$data;
  variables: ProductsRetireMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
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
      }
    ],
    "concreteType": "Product",
    "kind": "LinkedField",
    "name": "retireProduct",
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
        "name": "retired",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "retiredAt",
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
    "name": "ProductsRetireMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProductsRetireMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "268643a5a6795bfd0c51d7381eab4935",
    "id": null,
    "metadata": {},
    "name": "ProductsRetireMutation",
    "operationKind": "mutation",
    "text": "mutation ProductsRetireMutation(\n  $id: ID!\n) {\n  retireProduct(id: $id) {\n    id\n    retired\n    retiredAt\n  }\n}\n"
  }
};
})();

(node as any).hash = "d5789692c251780ed9c4cc4b50e02991";

export default node;
