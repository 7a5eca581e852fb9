/**
 * @generated SignedSource<<d15614cc0e7d44380cffe12dd23350f2>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type ProductPage_result$data = {
  readonly awaitingApproval: boolean;
  readonly decidedBy: string | null | undefined;
  readonly endsAt: string | null | undefined;
  readonly id: string;
  readonly status: LeaseStatus;
  readonly statusMessage: string | null | undefined;
  readonly " $fragmentSpreads": FragmentRefs<"LeaseItems_lease">;
  readonly " $fragmentType": "ProductPage_result";
};
export type ProductPage_result$key = {
  readonly " $data"?: ProductPage_result$data;
  readonly " $fragmentSpreads": FragmentRefs<"ProductPage_result">;
};

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "ProductPage_result",
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "id",
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
      "kind": "ScalarField",
      "name": "awaitingApproval",
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
      "name": "endsAt",
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
      "args": null,
      "kind": "FragmentSpread",
      "name": "LeaseItems_lease"
    }
  ],
  "type": "Lease",
  "abstractKey": null
};

(node as any).hash = "de45ed5b17ae44e7a4b868ead3167435";

export default node;
