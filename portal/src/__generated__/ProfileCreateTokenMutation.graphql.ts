/**
 * @generated SignedSource<<2cd5ec16a299ad0f225653605478e0ff>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type CreateTokenInput = {
  expiresIn?: string | null | undefined;
  name?: string | null | undefined;
  userId?: string | null | undefined;
};
export type ProfileCreateTokenMutation$variables = {
  input: CreateTokenInput;
};
export type ProfileCreateTokenMutation$data = {
  readonly createToken: {
    readonly apiToken: {
      readonly active: boolean;
      readonly createdAt: string;
      readonly expiresAt: string | null | undefined;
      readonly id: string;
      readonly name: string | null | undefined;
      readonly prefix: string;
    };
    readonly token: string;
  };
};
export type ProfileCreateTokenMutation = {
  response: ProfileCreateTokenMutation$data;
  variables: ProfileCreateTokenMutation$variables;
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
    "concreteType": "CreatedToken",
    "kind": "LinkedField",
    "name": "createToken",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "token",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "APIToken",
        "kind": "LinkedField",
        "name": "apiToken",
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
            "name": "prefix",
            "storageKey": null
          },
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
            "name": "createdAt",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "expiresAt",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "active",
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
    "name": "ProfileCreateTokenMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProfileCreateTokenMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "581fc7a2e5bd4667371ab959461d2d59",
    "id": null,
    "metadata": {},
    "name": "ProfileCreateTokenMutation",
    "operationKind": "mutation",
    "text": "mutation ProfileCreateTokenMutation(\n  $input: CreateTokenInput!\n) {\n  createToken(input: $input) {\n    token\n    apiToken {\n      id\n      prefix\n      name\n      createdAt\n      expiresAt\n      active\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "302f8aa132d5824651f6276bcec129fb";

export default node;
