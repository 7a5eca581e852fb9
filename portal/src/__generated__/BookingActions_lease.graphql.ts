/**
 * @generated SignedSource<<48cd99612a2a65b4968d034165547ab6>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type BookingActions_lease$data = {
  readonly endsAt: string | null | undefined;
  readonly id: string;
  readonly startsAt: string | null | undefined;
  readonly status: LeaseStatus;
  readonly " $fragmentType": "BookingActions_lease";
};
export type BookingActions_lease$key = {
  readonly " $data"?: BookingActions_lease$data;
  readonly " $fragmentSpreads": FragmentRefs<"BookingActions_lease">;
};

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "BookingActions_lease",
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
      "name": "startsAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "endsAt",
      "storageKey": null
    }
  ],
  "type": "Lease",
  "abstractKey": null
};

(node as any).hash = "cec2c6ad3f83bb6d071563a6d711a9ed";

export default node;
