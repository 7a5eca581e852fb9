/**
 * @generated SignedSource<<140601ce209f949a704bb8c43327d5a4>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ProfileRevokeTokenMutation$variables = {
  id: string;
};
export type ProfileRevokeTokenMutation$data = {
  readonly revokeToken: {
    readonly active: boolean;
    readonly id: string;
    readonly revokedAt: string | null | undefined;
  };
};
export type ProfileRevokeTokenMutation = {
  response: ProfileRevokeTokenMutation$data;
  variables: ProfileRevokeTokenMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
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
      }
    ],
    "concreteType": "APIToken",
    "kind": "LinkedField",
    "name": "revokeToken",
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
        "name": "revokedAt",
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
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "ProfileRevokeTokenMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProfileRevokeTokenMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "0d37c3a244a93beb05a7ecf35f296fc6",
    "id": null,
    "metadata": {},
    "name": "ProfileRevokeTokenMutation",
    "operationKind": "mutation",
    "text": "mutation ProfileRevokeTokenMutation(\n  $id: ID!\n) {\n  revokeToken(id: $id) {\n    id\n    revokedAt\n    active\n  }\n}\n"
  }
};
})();

(node as any).hash = "d845f96961cc5faefd8130a587e19eac";

export default node;
