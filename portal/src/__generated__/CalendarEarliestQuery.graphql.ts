/**
 * @generated SignedSource<<a734c8889ae18cc616a5855ccfa5e922>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type CalendarEarliestQuery$variables = {
  after?: string | null | undefined;
  duration: string;
  quantity: number;
  sku: string;
};
export type CalendarEarliestQuery$data = {
  readonly earliestStart: string;
};
export type CalendarEarliestQuery = {
  response: CalendarEarliestQuery$data;
  variables: CalendarEarliestQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "after"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "duration"
},
v2 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "quantity"
},
v3 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "sku"
},
v4 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "after",
        "variableName": "after"
      },
      {
        "kind": "Variable",
        "name": "duration",
        "variableName": "duration"
      },
      {
        "items": [
          {
            "fields": [
              {
                "kind": "Variable",
                "name": "quantity",
                "variableName": "quantity"
              },
              {
                "kind": "Variable",
                "name": "sku",
                "variableName": "sku"
              }
            ],
            "kind": "ObjectValue",
            "name": "lines.0"
          }
        ],
        "kind": "ListValue",
        "name": "lines"
      }
    ],
    "kind": "ScalarField",
    "name": "earliestStart",
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/),
      (v2/*:: as any*/),
      (v3/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "CalendarEarliestQuery",
    "selections": (v4/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v3/*:: as any*/),
      (v1/*:: as any*/),
      (v2/*:: as any*/),
      (v0/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "CalendarEarliestQuery",
    "selections": (v4/*:: as any*/)
  },
  "params": {
    "cacheID": "9bcd33734d0839bb019c9af04d7f0e0d",
    "id": null,
    "metadata": {},
    "name": "CalendarEarliestQuery",
    "operationKind": "query",
    "text": "query CalendarEarliestQuery(\n  $sku: String!\n  $duration: Duration!\n  $quantity: Int!\n  $after: Time\n) {\n  earliestStart(lines: [{sku: $sku, quantity: $quantity}], duration: $duration, after: $after)\n}\n"
  }
};
})();

(node as any).hash = "05888ae607519a4c981c9b8720229d6c";

export default node;
