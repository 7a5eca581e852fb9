/**
 * @generated SignedSource<<996b0461fa895f4a7497e684bfc23e29>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type CalendarQuery$variables = {
  from: string;
  sku: string;
  step: string;
  to: string;
};
export type CalendarQuery$data = {
  readonly availabilityCalendar: ReadonlyArray<{
    readonly bookable: number;
    readonly capacity: number;
    readonly from: string;
    readonly to: string;
  }>;
  readonly product: {
    readonly bookingHorizon: string | null | undefined;
    readonly cleaningBuffer: string;
    readonly components: ReadonlyArray<{
      readonly id: string;
    }>;
    readonly defaultDuration: string | null | undefined;
    readonly id: string;
    readonly maxDuration: string | null | undefined;
    readonly minDuration: string | null | undefined;
    readonly name: string;
    readonly retired: boolean;
    readonly sku: string;
  } | null | undefined;
  readonly viewer: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly id: string;
    readonly name: string;
    readonly role: Role;
  };
};
export type CalendarQuery = {
  response: CalendarQuery$data;
  variables: CalendarQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "from"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "sku"
},
v2 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "step"
},
v3 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "to"
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v8 = {
  "kind": "Variable",
  "name": "sku",
  "variableName": "sku"
},
v9 = {
  "alias": null,
  "args": [
    (v8/*:: as any*/)
  ],
  "concreteType": "Product",
  "kind": "LinkedField",
  "name": "product",
  "plural": false,
  "selections": [
    (v4/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "sku",
      "storageKey": null
    },
    (v5/*:: as any*/),
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
      "name": "cleaningBuffer",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "bookingHorizon",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Stack",
      "kind": "LinkedField",
      "name": "components",
      "plural": true,
      "selections": [
        (v4/*:: as any*/)
      ],
      "storageKey": null
    }
  ],
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": [
    {
      "kind": "Variable",
      "name": "from",
      "variableName": "from"
    },
    (v8/*:: as any*/),
    {
      "kind": "Variable",
      "name": "step",
      "variableName": "step"
    },
    {
      "kind": "Variable",
      "name": "to",
      "variableName": "to"
    }
  ],
  "concreteType": "CalendarSlot",
  "kind": "LinkedField",
  "name": "availabilityCalendar",
  "plural": true,
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "from",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "to",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "bookable",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "capacity",
      "storageKey": null
    }
  ],
  "storageKey": null
};
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
    "name": "CalendarQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v7/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v9/*:: as any*/),
      (v10/*:: as any*/)
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v1/*:: as any*/),
      (v0/*:: as any*/),
      (v3/*:: as any*/),
      (v2/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "CalendarQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v4/*:: as any*/),
          (v5/*:: as any*/),
          (v6/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v7/*:: as any*/),
              (v4/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v9/*:: as any*/),
      (v10/*:: as any*/)
    ]
  },
  "params": {
    "cacheID": "2acfc17d5d59b5fb79cca87058c916cc",
    "id": null,
    "metadata": {},
    "name": "CalendarQuery",
    "operationKind": "query",
    "text": "query CalendarQuery(\n  $sku: String!\n  $from: Time!\n  $to: Time!\n  $step: Duration!\n) {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  product(sku: $sku) {\n    id\n    sku\n    name\n    retired\n    defaultDuration\n    minDuration\n    maxDuration\n    cleaningBuffer\n    bookingHorizon\n    components {\n      id\n    }\n  }\n  availabilityCalendar(sku: $sku, from: $from, to: $to, step: $step) {\n    from\n    to\n    bookable\n    capacity\n  }\n}\n"
  }
};
})();

(node as any).hash = "fcf32b01f824b3f041bec08e4319fc30";

export default node;
