/**
 * @generated SignedSource<<2bba6196ddc069911683fa77a0d17c7a>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ItemStatus = "ARCHIVED" | "ARCHIVING" | "AVAILABLE" | "LEASED" | "MAINTENANCE" | "REBUILDING" | "RESERVING" | "%future added value";
export type ImportMutation$variables = {
  csv: string;
};
export type ImportMutation$data = {
  readonly importInventoryItems: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly product: {
      readonly id: string;
      readonly sku: string;
    };
    readonly status: ItemStatus;
  }>;
};
export type ImportMutation = {
  response: ImportMutation$data;
  variables: ImportMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "csv"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "csv",
        "variableName": "csv"
      }
    ],
    "concreteType": "InventoryItem",
    "kind": "LinkedField",
    "name": "importInventoryItems",
    "plural": true,
    "selections": [
      (v1/*:: as any*/),
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
        "name": "status",
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
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ImportMutation",
    "selections": (v2/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ImportMutation",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "5eb32ebba38c9074f937f84ca8b4935b",
    "id": null,
    "metadata": {},
    "name": "ImportMutation",
    "operationKind": "mutation",
    "text": "mutation ImportMutation(\n  $csv: String!\n) {\n  importInventoryItems(csv: $csv) {\n    id\n    name\n    status\n    product {\n      id\n      sku\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "9bb46873bf6d63272cb3a7dc27c44edf";

export default node;
