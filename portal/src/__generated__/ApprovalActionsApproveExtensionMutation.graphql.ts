/**
 * @generated SignedSource<<8365abadc490a86066187315e05f75c0>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ExtensionRequestStatus = "APPROVED" | "LAPSED" | "OPEN" | "REJECTED" | "%future added value";
export type ApprovalActionsApproveExtensionMutation$variables = {
  id: string;
};
export type ApprovalActionsApproveExtensionMutation$data = {
  readonly approveExtension: {
    readonly decidedAt: string | null | undefined;
    readonly decidedBy: string | null | undefined;
    readonly id: string;
    readonly lease: {
      readonly endsAt: string | null | undefined;
      readonly id: string;
      readonly openExtensionRequest: {
        readonly id: string;
      } | null | undefined;
      readonly timeLeft: string | null | undefined;
    };
    readonly mayDecide: boolean;
    readonly status: ExtensionRequestStatus;
  };
};
export type ApprovalActionsApproveExtensionMutation = {
  response: ApprovalActionsApproveExtensionMutation$data;
  variables: ApprovalActionsApproveExtensionMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
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
      }
    ],
    "concreteType": "ExtensionRequest",
    "kind": "LinkedField",
    "name": "approveExtension",
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
            "kind": "ScalarField",
            "name": "endsAt",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "timeLeft",
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
    "name": "ApprovalActionsApproveExtensionMutation",
    "selections": (v2/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ApprovalActionsApproveExtensionMutation",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "076aa4f6b63732b1b673810bcc4e1de6",
    "id": null,
    "metadata": {},
    "name": "ApprovalActionsApproveExtensionMutation",
    "operationKind": "mutation",
    "text": "mutation ApprovalActionsApproveExtensionMutation(\n  $id: ID!\n) {\n  approveExtension(id: $id) {\n    id\n    status\n    decidedBy\n    decidedAt\n    mayDecide\n    lease {\n      id\n      endsAt\n      timeLeft\n      openExtensionRequest {\n        id\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "6f27e66bdc3899043d7237411beccc4c";

export default node;
