/**
 * @generated SignedSource<<4d42a8d7ec7985f03f1c693056fbd9b4>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type ParameterType = "BOOLEAN" | "ENUM" | "INTEGER" | "SECRET" | "SSH_PUBLIC_KEY" | "STRING" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type LeasePage_detail$data = {
  readonly awaitingApproval: boolean;
  readonly createdAt: string;
  readonly decidedBy: string | null | undefined;
  readonly duration: string;
  readonly endedAt: string | null | undefined;
  readonly endsAt: string | null | undefined;
  readonly events: ReadonlyArray<{
    readonly actor: string | null | undefined;
    readonly at: string;
    readonly from: string | null | undefined;
    readonly id: string;
    readonly kind: string;
    readonly message: string | null | undefined;
    readonly to: string | null | undefined;
  }>;
  readonly id: string;
  readonly note: string | null | undefined;
  readonly openExtensionRequest: {
    readonly by: string;
    readonly id: string;
    readonly mayDecide: boolean;
  } | null | undefined;
  readonly orders: ReadonlyArray<{
    readonly contents: ReadonlyArray<{
      readonly currency: string | null | undefined;
      readonly id: string;
      readonly price: number | null | undefined;
      readonly product: {
        readonly id: string;
        readonly sku: string;
      };
      readonly quantity: number;
    }>;
    readonly createdAt: string;
    readonly id: string;
    readonly kind: string;
    readonly periodEnd: string;
    readonly periodStart: string;
  }>;
  readonly owner: {
    readonly costCenter: {
      readonly code: string;
    } | null | undefined;
    readonly id: string;
    readonly name: string;
  };
  readonly parameters: ReadonlyArray<{
    readonly component: string | null | undefined;
    readonly line: number;
    readonly name: string;
    readonly secret: boolean;
    readonly sku: string;
    readonly type: ParameterType;
    readonly value: string | null | undefined;
  }>;
  readonly requested: ReadonlyArray<{
    readonly quantity: number;
    readonly sku: string;
  }>;
  readonly startsAt: string | null | undefined;
  readonly status: LeaseStatus;
  readonly statusMessage: string | null | undefined;
  readonly " $fragmentSpreads": FragmentRefs<"BookingActions_lease" | "LeaseActions_lease" | "LeaseItems_lease">;
  readonly " $fragmentType": "LeasePage_detail";
};
export type LeasePage_detail$key = {
  readonly " $data"?: LeasePage_detail$data;
  readonly " $fragmentSpreads": FragmentRefs<"LeasePage_detail">;
};

const node: ReaderFragment = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "createdAt",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sku",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "quantity",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "kind",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "LeasePage_detail",
  "selections": [
    (v0/*:: as any*/),
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
      "kind": "ScalarField",
      "name": "awaitingApproval",
      "storageKey": null
    },
    (v1/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "startsAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "endsAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "endedAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "duration",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "note",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "statusMessage",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "decidedBy",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "User",
      "kind": "LinkedField",
      "name": "owner",
      "plural": false,
      "selections": [
        (v0/*:: as any*/),
        (v2/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "concreteType": "CostCenter",
          "kind": "LinkedField",
          "name": "costCenter",
          "plural": false,
          "selections": [
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "code",
              "storageKey": null
            }
          ],
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "RequestedLine",
      "kind": "LinkedField",
      "name": "requested",
      "plural": true,
      "selections": [
        (v3/*:: as any*/),
        (v4/*:: as any*/)
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "LeaseParameter",
      "kind": "LinkedField",
      "name": "parameters",
      "plural": true,
      "selections": [
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "line",
          "storageKey": null
        },
        (v3/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "component",
          "storageKey": null
        },
        (v2/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "type",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "value",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "secret",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "args": null,
      "kind": "FragmentSpread",
      "name": "LeaseItems_lease"
    },
    {
      "args": null,
      "kind": "FragmentSpread",
      "name": "LeaseActions_lease"
    },
    {
      "args": null,
      "kind": "FragmentSpread",
      "name": "BookingActions_lease"
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "ExtensionRequest",
      "kind": "LinkedField",
      "name": "openExtensionRequest",
      "plural": false,
      "selections": [
        (v0/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "by",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "mayDecide",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Event",
      "kind": "LinkedField",
      "name": "events",
      "plural": true,
      "selections": [
        (v0/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "at",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "actor",
          "storageKey": null
        },
        (v5/*:: as any*/),
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
          "name": "message",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Order",
      "kind": "LinkedField",
      "name": "orders",
      "plural": true,
      "selections": [
        (v0/*:: as any*/),
        (v5/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "periodStart",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "periodEnd",
          "storageKey": null
        },
        (v1/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "concreteType": "Stack",
          "kind": "LinkedField",
          "name": "contents",
          "plural": true,
          "selections": [
            (v0/*:: as any*/),
            (v4/*:: as any*/),
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "price",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "currency",
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
                (v0/*:: as any*/),
                (v3/*:: as any*/)
              ],
              "storageKey": null
            }
          ],
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "type": "Lease",
  "abstractKey": null
};
})();

(node as any).hash = "129c526c5a9e02ec0ff272c921f25c7d";

export default node;
