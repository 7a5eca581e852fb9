/**
 * @generated SignedSource<<e87d045716926e1667b32c9fa946890d>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type LeaseStatus = "ACTIVE" | "EXPIRED" | "PENDING" | "QUEUED" | "REJECTED" | "RETURNED" | "SCHEDULED" | "%future added value";
export type ApprovalsSubscription$variables = Record<PropertyKey, never>;
export type ApprovalsSubscription$data = {
  readonly leaseEvents: {
    readonly kind: string;
    readonly lease: {
      readonly awaitingApproval: boolean;
      readonly id: string;
      readonly status: LeaseStatus;
    };
  };
};
export type ApprovalsSubscription = {
  response: ApprovalsSubscription$data;
  variables: ApprovalsSubscription$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "alias": null,
    "args": null,
    "concreteType": "LeaseEvent",
    "kind": "LinkedField",
    "name": "leaseEvents",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "kind",
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
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "ApprovalsSubscription",
    "selections": (v0/*:: as any*/),
    "type": "Subscription",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "ApprovalsSubscription",
    "selections": (v0/*:: as any*/)
  },
  "params": {
    "cacheID": "caca871ca1b5cfab625fbcf264602a4c",
    "id": null,
    "metadata": {},
    "name": "ApprovalsSubscription",
    "operationKind": "subscription",
    "text": "subscription ApprovalsSubscription {\n  leaseEvents {\n    kind\n    lease {\n      id\n      status\n      awaitingApproval\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "784f4eb9ea053f829b5fc83356bf77a6";

export default node;
