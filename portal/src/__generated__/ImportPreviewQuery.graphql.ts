/**
 * @generated SignedSource<<8c5524d8e1964774d036f4aabfa021d1>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ImportPreviewQuery$variables = {
  csv: string;
};
export type ImportPreviewQuery$data = {
  readonly inventoryImportPreview: {
    readonly rows: ReadonlyArray<{
      readonly errors: ReadonlyArray<string>;
      readonly labels: ReadonlyArray<string>;
      readonly name: string;
      readonly pool: string | null | undefined;
      readonly row: number;
      readonly sku: string;
    }>;
    readonly valid: boolean;
  };
};
export type ImportPreviewQuery = {
  response: ImportPreviewQuery$data;
  variables: ImportPreviewQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "csv"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "csv",
        "variableName": "csv"
      }
    ],
    "concreteType": "ImportPreview",
    "kind": "LinkedField",
    "name": "inventoryImportPreview",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "valid",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "ImportPreviewRow",
        "kind": "LinkedField",
        "name": "rows",
        "plural": true,
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "row",
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
            "name": "errors",
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
    "name": "ImportPreviewQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ImportPreviewQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "92ad1d3a4a6ab534541aaadfb0bd6e5d",
    "id": null,
    "metadata": {},
    "name": "ImportPreviewQuery",
    "operationKind": "query",
    "text": "query ImportPreviewQuery(\n  $csv: String!\n) {\n  inventoryImportPreview(csv: $csv) {\n    valid\n    rows {\n      row\n      sku\n      name\n      pool\n      labels\n      errors\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "79cba4ae369bb8878db91e613996cc2d";

export default node;
