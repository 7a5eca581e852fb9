/**
 * @generated SignedSource<<582b8c1c9aa8470acdcf503a5129d81a>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type MyMetal_lease$data = {
  readonly allocations: ReadonlyArray<{
    readonly id: string;
  }>;
  readonly awaitingApproval: boolean;
  readonly createdAt: string;
  readonly endsAt: string | null | undefined;
  readonly id: string;
  readonly note: string | null | undefined;
  readonly queuePosition: number | null | undefined;
  readonly queuedUntil: string | null | undefined;
  readonly requested: ReadonlyArray<{
    readonly quantity: number;
    readonly sku: string;
  }>;
  readonly startsAt: string | null | undefined;
  readonly status: LeaseStatus;
  readonly statusMessage: string | null | undefined;
  readonly " $fragmentSpreads": FragmentRefs<"BookingActions_lease" | "LeaseActions_lease" | "LeaseItems_lease">;
  readonly " $fragmentType": "MyMetal_lease";
};
export type MyMetal_lease$key = {
  readonly " $data"?: MyMetal_lease$data;
  readonly " $fragmentSpreads": FragmentRefs<"MyMetal_lease">;
};

const node: ReaderFragment = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "MyMetal_lease",
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
      "kind": "ScalarField",
      "name": "createdAt",
      "storageKey": null
    },
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
      "name": "queuePosition",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "queuedUntil",
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
        (v0/*:: as any*/)
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
    }
  ],
  "type": "Lease",
  "abstractKey": null
};
})();

(node as any).hash = "82ab172ae420d7a85a51b5165d9dfbbe";

export default node;
