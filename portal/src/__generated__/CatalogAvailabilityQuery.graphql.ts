/**
 * @generated SignedSource<<1ce90d140a054c101de73486567662a6>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type CatalogAvailabilityQuery$variables = Record<PropertyKey, never>;
export type CatalogAvailabilityQuery$data = {
  readonly availability: ReadonlyArray<{
    readonly available: number;
    readonly leased: number;
    readonly maintenance: number;
    readonly rebuilding: number;
    readonly reserving: number;
    readonly sku: string;
  }>;
};
export type CatalogAvailabilityQuery = {
  response: CatalogAvailabilityQuery$data;
  variables: CatalogAvailabilityQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "alias": null,
    "args": null,
    "concreteType": "Availability",
    "kind": "LinkedField",
    "name": "availability",
    "plural": true,
    "selections": [
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
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "CatalogAvailabilityQuery",
    "selections": (v0/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "CatalogAvailabilityQuery",
    "selections": (v0/*:: as any*/)
  },
  "params": {
    "cacheID": "31162553cd9dc0650d8d075040e0daf4",
    "id": null,
    "metadata": {},
    "name": "CatalogAvailabilityQuery",
    "operationKind": "query",
    "text": "query CatalogAvailabilityQuery {\n  availability {\n    sku\n    available\n    reserving\n    leased\n    rebuilding\n    maintenance\n  }\n}\n"
  }
};
})();

(node as any).hash = "1fd4abd37163ced544c4dece2111240e";

export default node;
