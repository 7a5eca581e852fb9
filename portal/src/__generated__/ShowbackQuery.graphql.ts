/**
 * @generated SignedSource<<b1cebea4ee25d34c0588692c5d7e652a>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type Role = "ADMIN" | "MANAGER" | "USER" | "%future added value";
export type UsageGrouping = "COST_CENTER" | "PRODUCT" | "USER" | "%future added value";
export type ShowbackQuery$variables = {
  f0: string;
  f1: string;
  f2: string;
  f3: string;
  f4: string;
  f5: string;
  from: string;
  groupBy: UsageGrouping;
  i0: boolean;
  i1: boolean;
  i2: boolean;
  i3: boolean;
  i4: boolean;
  i5: boolean;
  t0: string;
  t1: string;
  t2: string;
  t3: string;
  t4: string;
  t5: string;
  to: string;
};
export type ShowbackQuery$data = {
  readonly m0?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m1?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m2?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m3?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m4?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m5?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly total: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly viewer: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly id: string;
    readonly name: string;
    readonly role: Role;
  };
};
export type ShowbackQuery = {
  response: ShowbackQuery$data;
  variables: ShowbackQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f0"
},
v1 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f1"
},
v2 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f2"
},
v3 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f3"
},
v4 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f4"
},
v5 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f5"
},
v6 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "from"
},
v7 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "groupBy"
},
v8 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i0"
},
v9 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i1"
},
v10 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i2"
},
v11 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i3"
},
v12 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i4"
},
v13 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i5"
},
v14 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t0"
},
v15 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t1"
},
v16 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t2"
},
v17 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t3"
},
v18 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t4"
},
v19 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t5"
},
v20 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "to"
},
v21 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v22 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v23 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v24 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v25 = {
  "kind": "Variable",
  "name": "groupBy",
  "variableName": "groupBy"
},
v26 = [
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
    "name": "itemHours",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "cost",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "currency",
    "storageKey": null
  }
],
v27 = {
  "alias": "total",
  "args": [
    {
      "kind": "Variable",
      "name": "from",
      "variableName": "from"
    },
    (v25/*:: as any*/),
    {
      "kind": "Variable",
      "name": "to",
      "variableName": "to"
    }
  ],
  "concreteType": "UsageRow",
  "kind": "LinkedField",
  "name": "usage",
  "plural": true,
  "selections": (v26/*:: as any*/),
  "storageKey": null
},
v28 = {
  "condition": "i0",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m0",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f0"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t0"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
},
v29 = {
  "condition": "i1",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m1",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f1"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t1"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
},
v30 = {
  "condition": "i2",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m2",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f2"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t2"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
},
v31 = {
  "condition": "i3",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m3",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f3"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t3"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
},
v32 = {
  "condition": "i4",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m4",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f4"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t4"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
},
v33 = {
  "condition": "i5",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m5",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f5"
        },
        (v25/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t5"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v26/*:: as any*/),
      "storageKey": null
    }
  ]
};
return {
  "fragment": {
    "argumentDefinitions": [
      (v0/*:: as any*/),
      (v1/*:: as any*/),
      (v2/*:: as any*/),
      (v3/*:: as any*/),
      (v4/*:: as any*/),
      (v5/*:: as any*/),
      (v6/*:: as any*/),
      (v7/*:: as any*/),
      (v8/*:: as any*/),
      (v9/*:: as any*/),
      (v10/*:: as any*/),
      (v11/*:: as any*/),
      (v12/*:: as any*/),
      (v13/*:: as any*/),
      (v14/*:: as any*/),
      (v15/*:: as any*/),
      (v16/*:: as any*/),
      (v17/*:: as any*/),
      (v18/*:: as any*/),
      (v19/*:: as any*/),
      (v20/*:: as any*/)
    ],
    "kind": "Fragment",
    "metadata": null,
    "name": "ShowbackQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v21/*:: as any*/),
          (v22/*:: as any*/),
          (v23/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v24/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v27/*:: as any*/),
      (v28/*:: as any*/),
      (v29/*:: as any*/),
      (v30/*:: as any*/),
      (v31/*:: as any*/),
      (v32/*:: as any*/),
      (v33/*:: as any*/)
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v6/*:: as any*/),
      (v20/*:: as any*/),
      (v7/*:: as any*/),
      (v0/*:: as any*/),
      (v14/*:: as any*/),
      (v8/*:: as any*/),
      (v1/*:: as any*/),
      (v15/*:: as any*/),
      (v9/*:: as any*/),
      (v2/*:: as any*/),
      (v16/*:: as any*/),
      (v10/*:: as any*/),
      (v3/*:: as any*/),
      (v17/*:: as any*/),
      (v11/*:: as any*/),
      (v4/*:: as any*/),
      (v18/*:: as any*/),
      (v12/*:: as any*/),
      (v5/*:: as any*/),
      (v19/*:: as any*/),
      (v13/*:: as any*/)
    ],
    "kind": "Operation",
    "name": "ShowbackQuery",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "User",
        "kind": "LinkedField",
        "name": "viewer",
        "plural": false,
        "selections": [
          (v21/*:: as any*/),
          (v22/*:: as any*/),
          (v23/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v24/*:: as any*/),
              (v21/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v27/*:: as any*/),
      (v28/*:: as any*/),
      (v29/*:: as any*/),
      (v30/*:: as any*/),
      (v31/*:: as any*/),
      (v32/*:: as any*/),
      (v33/*:: as any*/)
    ]
  },
  "params": {
    "cacheID": "8c463514b6dd8de3a51c60316930da93",
    "id": null,
    "metadata": {},
    "name": "ShowbackQuery",
    "operationKind": "query",
    "text": "query ShowbackQuery(\n  $from: Time!\n  $to: Time!\n  $groupBy: UsageGrouping!\n  $f0: Time!\n  $t0: Time!\n  $i0: Boolean!\n  $f1: Time!\n  $t1: Time!\n  $i1: Boolean!\n  $f2: Time!\n  $t2: Time!\n  $i2: Boolean!\n  $f3: Time!\n  $t3: Time!\n  $i3: Boolean!\n  $f4: Time!\n  $t4: Time!\n  $i4: Boolean!\n  $f5: Time!\n  $t5: Time!\n  $i5: Boolean!\n) {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  total: usage(from: $from, to: $to, groupBy: $groupBy) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m0: usage(from: $f0, to: $t0, groupBy: $groupBy) @include(if: $i0) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m1: usage(from: $f1, to: $t1, groupBy: $groupBy) @include(if: $i1) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m2: usage(from: $f2, to: $t2, groupBy: $groupBy) @include(if: $i2) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m3: usage(from: $f3, to: $t3, groupBy: $groupBy) @include(if: $i3) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m4: usage(from: $f4, to: $t4, groupBy: $groupBy) @include(if: $i4) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m5: usage(from: $f5, to: $t5, groupBy: $groupBy) @include(if: $i5) {\n    key\n    itemHours\n    cost\n    currency\n  }\n}\n"
  }
};
})();

(node as any).hash = "809c8d313711fac3b1a8cd6a4e8ecae7";

export default node;
