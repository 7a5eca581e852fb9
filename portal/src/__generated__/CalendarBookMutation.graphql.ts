/**
 * @generated SignedSource<<49be3a32ddcafb57d87390463c575038>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type VendInput = {
  attributes?: ReadonlyArray<AttributeConstraintInput> | null | undefined;
  dryRun?: boolean | null | undefined;
  duration?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  labels?: ReadonlyArray<string> | null | undefined;
  lines?: ReadonlyArray<LeaseLineInput> | null | undefined;
  maxWait?: string | null | undefined;
  notLabels?: ReadonlyArray<string> | null | undefined;
  note?: string | null | undefined;
  parameters?: ReadonlyArray<ParameterValueInput> | null | undefined;
  pool?: string | null | undefined;
  sku?: string | null | undefined;
  startsAt?: string | null | undefined;
  tier?: number | null | undefined;
  type?: string | null | undefined;
  wait?: boolean | null | undefined;
};
export type LeaseLineInput = {
  attributes?: ReadonlyArray<AttributeConstraintInput> | null | undefined;
  labels?: ReadonlyArray<string> | null | undefined;
  notLabels?: ReadonlyArray<string> | null | undefined;
  parameters?: ReadonlyArray<ParameterValueInput> | null | undefined;
  pool?: string | null | undefined;
  quantity?: number;
  sku?: string | null | undefined;
  tier?: number | null | undefined;
  type?: string | null | undefined;
};
export type ParameterValueInput = {
  name: string;
  value: string;
};
export type AttributeConstraintInput = {
  key: string;
  op?: string | null | undefined;
  value: string;
};
export type CalendarBookMutation$variables = {
  input: VendInput;
};
export type CalendarBookMutation$data = {
  readonly vend: {
    readonly awaitingApproval: boolean;
    readonly endsAt: string | null | undefined;
    readonly id: string;
    readonly startsAt: string | null | undefined;
    readonly status: LeaseStatus;
    readonly statusMessage: string | null | undefined;
  };
};
export type CalendarBookMutation = {
  response: CalendarBookMutation$data;
  variables: CalendarBookMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "Lease",
    "kind": "LinkedField",
    "name": "vend",
    "plural": false,
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
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "CalendarBookMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "CalendarBookMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "59a0f8b10e146606eb17818278a3f5bc",
    "id": null,
    "metadata": {},
    "name": "CalendarBookMutation",
    "operationKind": "mutation",
    "text": "mutation CalendarBookMutation(\n  $input: VendInput!\n) {\n  vend(input: $input) {\n    id\n    status\n    awaitingApproval\n    statusMessage\n    startsAt\n    endsAt\n  }\n}\n"
  }
};
})();

(node as any).hash = "832153d193a592893c242febe315ecaa";

export default node;
