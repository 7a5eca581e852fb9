/**
 * @generated SignedSource<<3251055c24c54fc3e1a296532dc3f98f>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type UpdateProfileInput = {
  email?: string | null | undefined;
  timeZone?: string | null | undefined;
  webhookUrl?: string | null | undefined;
};
export type ProfileUpdateMutation$variables = {
  input: UpdateProfileInput;
};
export type ProfileUpdateMutation$data = {
  readonly updateProfile: {
    readonly email: string | null | undefined;
    readonly id: string;
    readonly timeZone: string | null | undefined;
    readonly webhookUrl: string | null | undefined;
  };
};
export type ProfileUpdateMutation = {
  response: ProfileUpdateMutation$data;
  variables: ProfileUpdateMutation$variables;
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
    "concreteType": "User",
    "kind": "LinkedField",
    "name": "updateProfile",
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
        "name": "email",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "timeZone",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "webhookUrl",
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
    "name": "ProfileUpdateMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "ProfileUpdateMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "e933c847019d64728b1f5028a90ee8ca",
    "id": null,
    "metadata": {},
    "name": "ProfileUpdateMutation",
    "operationKind": "mutation",
    "text": "mutation ProfileUpdateMutation(\n  $input: UpdateProfileInput!\n) {\n  updateProfile(input: $input) {\n    id\n    email\n    timeZone\n    webhookUrl\n  }\n}\n"
  }
};
})();

(node as any).hash = "f7f234da60712752d4b950ff4aaaa26a";

export default node;
