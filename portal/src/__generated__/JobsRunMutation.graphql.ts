/**
 * @generated SignedSource<<d60d7b8c77e1349931cc0c4cf335f0e2>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type JobsRunMutation$variables = {
  name: string;
};
export type JobsRunMutation$data = {
  readonly runJob: {
    readonly lastError: string | null | undefined;
    readonly lastRunCompletedAt: string | null | undefined;
    readonly lastRunStartedAt: string | null | undefined;
    readonly name: string;
    readonly running: boolean;
  };
};
export type JobsRunMutation = {
  response: JobsRunMutation$data;
  variables: JobsRunMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "name"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "name",
        "variableName": "name"
      }
    ],
    "concreteType": "SchedulerJob",
    "kind": "LinkedField",
    "name": "runJob",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "name",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "lastRunStartedAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "lastRunCompletedAt",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "lastError",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "running",
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
    "name": "JobsRunMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "JobsRunMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "2aec171a33fa65f57f5a0400688afdfa",
    "id": null,
    "metadata": {},
    "name": "JobsRunMutation",
    "operationKind": "mutation",
    "text": "mutation JobsRunMutation(\n  $name: String!\n) {\n  runJob(name: $name) {\n    name\n    lastRunStartedAt\n    lastRunCompletedAt\n    lastError\n    running\n  }\n}\n"
  }
};
})();

(node as any).hash = "c546a465ddb5b1b934c7755ac6fbe2b5";

export default node;
