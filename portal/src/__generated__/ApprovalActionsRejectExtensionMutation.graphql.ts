/**
 * @generated SignedSource<<a330646f59d6f739f31c84a508dda88d>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ExtensionRequestStatus = "APPROVED" | "LAPSED" | "OPEN" | "REJECTED" | "%future added value";
export type ApprovalActionsRejectExtensionMutation$variables = {
  id: string;
  reason: string;
};
export type ApprovalActionsRejectExtensionMutation$data = {
  readonly rejectExtension: {
    readonly decidedAt: string | null | undefined;
    readonly decidedBy: string | null | undefined;
    readonly id: string;
    readonly lease: {
      readonly id: string;
      readonly openExtensionRequest: {
        readonly id: string;
      } | null | undefined;
    };
    readonly mayDecide: boolean;
    readonly reason: string | null | undefined;
    readonly status: ExtensionRequestStatus;
  };
};
export type ApprovalActionsRejectExtensionMutation = {
  response: ApprovalActionsRejectExtensionMutation$data;
  variables: ApprovalActionsRejectExtensionMutation$variables;
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
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = [
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
    "concreteType": "ExtensionRequest",
    "kind": "LinkedField",
    "name": "rejectExtension",
    "plural": false,
    "selections": [
      (v1/*:: as any*/),
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
        "name": "reason",
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
        "name": "decidedAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "mayDecide",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "Lease",
        "kind": "LinkedField",
        "name": "lease",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "ExtensionRequest",
            "kind": "LinkedField",
            "name": "openExtensionRequest",
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
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ApprovalActionsRejectExtensionMutation",
    "selections": (v2/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ApprovalActionsRejectExtensionMutation",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "39de35f7facb61646de4aecd544349cb",
    "id": null,
    "metadata": {},
    "name": "ApprovalActionsRejectExtensionMutation",
    "operationKind": "mutation",
    "text": "mutation ApprovalActionsRejectExtensionMutation(\n  $id: ID!\n  $reason: String!\n) {\n  rejectExtension(id: $id, reason: $reason) {\n    id\n    status\n    reason\n    decidedBy\n    decidedAt\n    mayDecide\n    lease {\n      id\n      openExtensionRequest {\n        id\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "a8ae949d0ad786215b58b266ef97416c";

export default node;
