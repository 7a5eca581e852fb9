/**
 * @generated SignedSource<<15be3282f6df23935058717cd2fa86cc>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type LeaseActions_lease$data = {
  readonly allocations: ReadonlyArray<{
    readonly id: string;
    readonly item: {
      readonly id: string;
      readonly product: {
        readonly sku: string;
      };
    };
  }>;
  readonly awaitingApproval: boolean;
  readonly id: string;
  readonly openExtensionRequest: {
    readonly by: string;
    readonly createdAt: string;
    readonly id: string;
  } | null | undefined;
  readonly requested: ReadonlyArray<{
    readonly quantity: number;
    readonly sku: string;
  }>;
  readonly status: LeaseStatus;
  readonly " $fragmentType": "LeaseActions_lease";
};
export type LeaseActions_lease$key = {
  readonly " $data"?: LeaseActions_lease$data;
  readonly " $fragmentSpreads": FragmentRefs<"LeaseActions_lease">;
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
  "name": "sku",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "LeaseActions_lease",
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
    {
      "alias": null,
      "args": null,
      "concreteType": "RequestedLine",
      "kind": "LinkedField",
      "name": "requested",
      "plural": true,
      "selections": [
        (v1/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "quantity",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Allocation",
      "kind": "LinkedField",
      "name": "allocations",
      "plural": true,
      "selections": [
        (v0/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "concreteType": "InventoryItem",
          "kind": "LinkedField",
          "name": "item",
          "plural": false,
          "selections": [
            (v0/*:: as any*/),
            {
              "alias": null,
              "args": null,
              "concreteType": "Product",
              "kind": "LinkedField",
              "name": "product",
              "plural": false,
              "selections": [
                (v1/*:: as any*/)
              ],
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
          "name": "createdAt",
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

(node as any).hash = "5085b75564f59e2e2a584887dad6f553";

export default node;
