/**
 * @generated SignedSource<<57de365b20bc12b9a9671df619c5d71e>>
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
  f10: string;
  f11: string;
  f2: string;
  f3: string;
  f4: string;
  f5: string;
  f6: string;
  f7: string;
  f8: string;
  f9: string;
  from: string;
  groupBy: UsageGrouping;
  i0: boolean;
  i1: boolean;
  i10: boolean;
  i11: boolean;
  i2: boolean;
  i3: boolean;
  i4: boolean;
  i5: boolean;
  i6: boolean;
  i7: boolean;
  i8: boolean;
  i9: boolean;
  t0: string;
  t1: string;
  t10: string;
  t11: string;
  t2: string;
  t3: string;
  t4: string;
  t5: string;
  t6: string;
  t7: string;
  t8: string;
  t9: string;
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
  readonly m10?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m11?: ReadonlyArray<{
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
  readonly m6?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m7?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m8?: ReadonlyArray<{
    readonly cost: number;
    readonly currency: string;
    readonly itemHours: number;
    readonly key: string;
  }>;
  readonly m9?: ReadonlyArray<{
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
  "name": "f10"
},
v3 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f11"
},
v4 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f2"
},
v5 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f3"
},
v6 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f4"
},
v7 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f5"
},
v8 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f6"
},
v9 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f7"
},
v10 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f8"
},
v11 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "f9"
},
v12 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "from"
},
v13 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "groupBy"
},
v14 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i0"
},
v15 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i1"
},
v16 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i10"
},
v17 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i11"
},
v18 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i2"
},
v19 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i3"
},
v20 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i4"
},
v21 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i5"
},
v22 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i6"
},
v23 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i7"
},
v24 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i8"
},
v25 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "i9"
},
v26 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t0"
},
v27 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t1"
},
v28 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t10"
},
v29 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t11"
},
v30 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t2"
},
v31 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t3"
},
v32 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t4"
},
v33 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t5"
},
v34 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t6"
},
v35 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t7"
},
v36 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t8"
},
v37 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "t9"
},
v38 = {
  "defaultValue": null,
  "kind": "LocalArgument",
  "name": "to"
},
v39 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v40 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v41 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "role",
  "storageKey": null
},
v42 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "code",
  "storageKey": null
},
v43 = {
  "kind": "Variable",
  "name": "groupBy",
  "variableName": "groupBy"
},
v44 = [
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
v45 = {
  "alias": "total",
  "args": [
    {
      "kind": "Variable",
      "name": "from",
      "variableName": "from"
    },
    (v43/*:: as any*/),
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
  "selections": (v44/*:: as any*/),
  "storageKey": null
},
v46 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v47 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v48 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v49 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v50 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v51 = {
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
        (v43/*:: as any*/),
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
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v52 = {
  "condition": "i6",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m6",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f6"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t6"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v53 = {
  "condition": "i7",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m7",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f7"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t7"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v54 = {
  "condition": "i8",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m8",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f8"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t8"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v55 = {
  "condition": "i9",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m9",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f9"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t9"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v56 = {
  "condition": "i10",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m10",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f10"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t10"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
      "storageKey": null
    }
  ]
},
v57 = {
  "condition": "i11",
  "kind": "Condition",
  "passingValue": true,
  "selections": [
    {
      "alias": "m11",
      "args": [
        {
          "kind": "Variable",
          "name": "from",
          "variableName": "f11"
        },
        (v43/*:: as any*/),
        {
          "kind": "Variable",
          "name": "to",
          "variableName": "t11"
        }
      ],
      "concreteType": "UsageRow",
      "kind": "LinkedField",
      "name": "usage",
      "plural": true,
      "selections": (v44/*:: as any*/),
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
      (v20/*:: as any*/),
      (v21/*:: as any*/),
      (v22/*:: as any*/),
      (v23/*:: as any*/),
      (v24/*:: as any*/),
      (v25/*:: as any*/),
      (v26/*:: as any*/),
      (v27/*:: as any*/),
      (v28/*:: as any*/),
      (v29/*:: as any*/),
      (v30/*:: as any*/),
      (v31/*:: as any*/),
      (v32/*:: as any*/),
      (v33/*:: as any*/),
      (v34/*:: as any*/),
      (v35/*:: as any*/),
      (v36/*:: as any*/),
      (v37/*:: as any*/),
      (v38/*:: as any*/)
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
          (v39/*:: as any*/),
          (v40/*:: as any*/),
          (v41/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v42/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v45/*:: as any*/),
      (v46/*:: as any*/),
      (v47/*:: as any*/),
      (v48/*:: as any*/),
      (v49/*:: as any*/),
      (v50/*:: as any*/),
      (v51/*:: as any*/),
      (v52/*:: as any*/),
      (v53/*:: as any*/),
      (v54/*:: as any*/),
      (v55/*:: as any*/),
      (v56/*:: as any*/),
      (v57/*:: as any*/)
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [
      (v12/*:: as any*/),
      (v38/*:: as any*/),
      (v13/*:: as any*/),
      (v0/*:: as any*/),
      (v26/*:: as any*/),
      (v14/*:: as any*/),
      (v1/*:: as any*/),
      (v27/*:: as any*/),
      (v15/*:: as any*/),
      (v4/*:: as any*/),
      (v30/*:: as any*/),
      (v18/*:: as any*/),
      (v5/*:: as any*/),
      (v31/*:: as any*/),
      (v19/*:: as any*/),
      (v6/*:: as any*/),
      (v32/*:: as any*/),
      (v20/*:: as any*/),
      (v7/*:: as any*/),
      (v33/*:: as any*/),
      (v21/*:: as any*/),
      (v8/*:: as any*/),
      (v34/*:: as any*/),
      (v22/*:: as any*/),
      (v9/*:: as any*/),
      (v35/*:: as any*/),
      (v23/*:: as any*/),
      (v10/*:: as any*/),
      (v36/*:: as any*/),
      (v24/*:: as any*/),
      (v11/*:: as any*/),
      (v37/*:: as any*/),
      (v25/*:: as any*/),
      (v2/*:: as any*/),
      (v28/*:: as any*/),
      (v16/*:: as any*/),
      (v3/*:: as any*/),
      (v29/*:: as any*/),
      (v17/*:: as any*/)
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
          (v39/*:: as any*/),
          (v40/*:: as any*/),
          (v41/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "CostCenter",
            "kind": "LinkedField",
            "name": "costCenter",
            "plural": false,
            "selections": [
              (v42/*:: as any*/),
              (v39/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      (v45/*:: as any*/),
      (v46/*:: as any*/),
      (v47/*:: as any*/),
      (v48/*:: as any*/),
      (v49/*:: as any*/),
      (v50/*:: as any*/),
      (v51/*:: as any*/),
      (v52/*:: as any*/),
      (v53/*:: as any*/),
      (v54/*:: as any*/),
      (v55/*:: as any*/),
      (v56/*:: as any*/),
      (v57/*:: as any*/)
    ]
  },
  "params": {
    "cacheID": "85584d6acbe8b4272696f32c94750cdb",
    "id": null,
    "metadata": {},
    "name": "ShowbackQuery",
    "operationKind": "query",
    "text": "query ShowbackQuery(\n  $from: Time!\n  $to: Time!\n  $groupBy: UsageGrouping!\n  $f0: Time!\n  $t0: Time!\n  $i0: Boolean!\n  $f1: Time!\n  $t1: Time!\n  $i1: Boolean!\n  $f2: Time!\n  $t2: Time!\n  $i2: Boolean!\n  $f3: Time!\n  $t3: Time!\n  $i3: Boolean!\n  $f4: Time!\n  $t4: Time!\n  $i4: Boolean!\n  $f5: Time!\n  $t5: Time!\n  $i5: Boolean!\n  $f6: Time!\n  $t6: Time!\n  $i6: Boolean!\n  $f7: Time!\n  $t7: Time!\n  $i7: Boolean!\n  $f8: Time!\n  $t8: Time!\n  $i8: Boolean!\n  $f9: Time!\n  $t9: Time!\n  $i9: Boolean!\n  $f10: Time!\n  $t10: Time!\n  $i10: Boolean!\n  $f11: Time!\n  $t11: Time!\n  $i11: Boolean!\n) {\n  viewer {\n    id\n    name\n    role\n    costCenter {\n      code\n      id\n    }\n  }\n  total: usage(from: $from, to: $to, groupBy: $groupBy) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m0: usage(from: $f0, to: $t0, groupBy: $groupBy) @include(if: $i0) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m1: usage(from: $f1, to: $t1, groupBy: $groupBy) @include(if: $i1) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m2: usage(from: $f2, to: $t2, groupBy: $groupBy) @include(if: $i2) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m3: usage(from: $f3, to: $t3, groupBy: $groupBy) @include(if: $i3) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m4: usage(from: $f4, to: $t4, groupBy: $groupBy) @include(if: $i4) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m5: usage(from: $f5, to: $t5, groupBy: $groupBy) @include(if: $i5) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m6: usage(from: $f6, to: $t6, groupBy: $groupBy) @include(if: $i6) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m7: usage(from: $f7, to: $t7, groupBy: $groupBy) @include(if: $i7) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m8: usage(from: $f8, to: $t8, groupBy: $groupBy) @include(if: $i8) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m9: usage(from: $f9, to: $t9, groupBy: $groupBy) @include(if: $i9) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m10: usage(from: $f10, to: $t10, groupBy: $groupBy) @include(if: $i10) {\n    key\n    itemHours\n    cost\n    currency\n  }\n  m11: usage(from: $f11, to: $t11, groupBy: $groupBy) @include(if: $i11) {\n    key\n    itemHours\n    cost\n    currency\n  }\n}\n"
  }
};
})();

(node as any).hash = "9ecdd47478db237961bf0965d942c5f0";

export default node;
