/**
 * @generated SignedSource<<6f641f7e4b3be1a48eabc96612e7c690>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type ApprovalActionsRejectMutation$variables = {
  id: string;
  reason: string;
};
export type ApprovalActionsRejectMutation$data = {
  readonly rejectLease: {
    readonly awaitingApproval: boolean;
    readonly decidedBy: string | null | undefined;
    readonly endedAt: string | null | undefined;
    readonly id: string;
    readonly status: LeaseStatus;
    readonly statusMessage: string | null | undefined;
  };
};
export type ApprovalActionsRejectMutation = {
  response: ApprovalActionsRejectMutation$data;
  variables: ApprovalActionsRejectMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  },
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "reason"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      },
      {
        "kind": "Variable",
        "name": "reason",
        "variableName": "reason"
      }
    ],
    "concreteType": "Lease",
    "kind": "LinkedField",
    "name": "rejectLease",
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
        "name": "decidedBy",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "endedAt",
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
    "name": "ApprovalActionsRejectMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ApprovalActionsRejectMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "f342d8d2b6316d24a37d59f78cb55c4d",
    "id": null,
    "metadata": {},
    "name": "ApprovalActionsRejectMutation",
    "operationKind": "mutation",
    "text": "mutation ApprovalActionsRejectMutation(\n  $id: ID!\n  $reason: String!\n) {\n  rejectLease(id: $id, reason: $reason) {\n    id\n    status\n    awaitingApproval\n    statusMessage\n    decidedBy\n    endedAt\n  }\n}\n"
  }
};
})();

(node as any).hash = "08a1f823e9ee30817e2f9ee25995604b";

export default node;
