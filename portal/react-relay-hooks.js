// What the portal uses of react-relay, taken module by module: react-relay's index also brings the
// legacy containers (QueryRenderer, createFragmentContainer, ...) and entry points, which the
// bundle then carries and the browser compiles for nothing. vite.config.ts aliases react-relay here
// (TypeScript keeps react-relay's own types).
import { fetchQuery, graphql } from 'relay-runtime';
import RelayEnvironmentProvider from 'react-relay/lib/relay-hooks/RelayEnvironmentProvider';
import loadQueryModule from 'react-relay/lib/relay-hooks/loadQuery';
import useFragment from 'react-relay/lib/relay-hooks/useFragment';
import useLazyLoadQuery from 'react-relay/lib/relay-hooks/useLazyLoadQuery';
import useMutation from 'react-relay/lib/relay-hooks/useMutation';
import usePaginationFragment from 'react-relay/lib/relay-hooks/usePaginationFragment';
import usePreloadedQuery from 'react-relay/lib/relay-hooks/usePreloadedQuery';
import useRelayEnvironment from 'react-relay/lib/relay-hooks/useRelayEnvironment';
import useSubscription from 'react-relay/lib/relay-hooks/useSubscription';

export const loadQuery = loadQueryModule.loadQuery;
export {
  fetchQuery,
  graphql,
  RelayEnvironmentProvider,
  useFragment,
  useLazyLoadQuery,
  useMutation,
  usePaginationFragment,
  usePreloadedQuery,
  useRelayEnvironment,
  useSubscription,
};
