import { useCallback, useEffect, useMemo, useRef } from 'react';
import { fetchQuery, graphql, useFragment, usePreloadedQuery, usePaginationFragment, useRelayEnvironment, useSubscription , type PreloadedQuery } from 'react-relay';
import type { GraphQLSubscriptionConfig } from 'relay-runtime';
import type { MyMetalQuery } from '../__generated__/MyMetalQuery.graphql';
import type { MyMetal_lease$key } from '../__generated__/MyMetal_lease.graphql';
import type { MyMetal_history$key } from '../__generated__/MyMetal_history.graphql';
import type { MyMetalSubscription } from '../__generated__/MyMetalSubscription.graphql';
import type { PageProps } from '../App';
import { useSeenViewer } from '../viewer';
import { Link } from '../router';
import { Status } from '../components/Status';
import { Time } from '../components/Time';
import { Countdown } from '../components/Countdown';
import { LeaseItems } from '../components/LeaseItems';
import { LeaseActions } from '../components/LeaseActions';
import { QueuePlace } from '../components/QueuePlace';
import { BookingActions } from '../components/BookingActions';
import { Empty } from '../components/Loading';

const query = graphql`
  query MyMetalQuery {
    viewer {
      id name role costCenter { code }
      current: leases(first: 200, where: { statusIn: [SCHEDULED, QUEUED, PENDING, ACTIVE] }, orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount
        edges { node { id ...MyMetal_lease } }
      }
      ...MyMetal_history
    }
  }
`;

const subscription = graphql`
  subscription MyMetalSubscription {
    leaseEvents { kind at lease { id ...MyMetal_lease } }
  }
`;

export default function MyMetal({ query: ref }: PageProps) {
  const data = usePreloadedQuery<MyMetalQuery>(query, ref as PreloadedQuery<MyMetalQuery>);
  useSeenViewer(data.viewer);
  const env = useRelayEnvironment();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A lease that changes status moves between the lists: refresh them (in place, no loading state).
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => fetchQuery(env, query, {}, { fetchPolicy: 'network-only' }).subscribe({}), 250);
  }, [env]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const config = useMemo<GraphQLSubscriptionConfig<MyMetalSubscription>>(() => ({ subscription, variables: {}, onNext: refresh }), [refresh]);
  useSubscription(config);
  const current = (data.viewer.current.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <section>
      <div className="page-head">
        <h1>My metal</h1>
        <p className="muted">
          {data.viewer.current.totalCount} current · live updates
        </p>
      </div>
      {current.length === 0 ? (
        <Empty>
          You hold nothing right now. Vend something from the <Link to="/">catalog</Link>.
        </Empty>
      ) : (
        <ul className="leases" aria-label="Current leases">
          {current.map((l) => (
            <LeaseCard key={l.id} lease={l} onChanged={refresh} />
          ))}
        </ul>
      )}
      <History user={data.viewer} />
    </section>
  );
}

function LeaseCard({ lease, onChanged }: { lease: MyMetal_lease$key; onChanged: () => void }) {
  const l = useFragment(
    graphql`
      fragment MyMetal_lease on Lease {
        id status awaitingApproval createdAt startsAt endsAt note statusMessage queuePosition queuedUntil
        requested { sku quantity }
        allocations { id }
        ...LeaseItems_lease
        ...LeaseActions_lease
        ...BookingActions_lease
      }
    `,
    lease,
  );
  return (
    <li className="card lease-card" data-lease={l.id} data-status={l.status}>
      <div className="card-head">
        <Link to={`/leases/${l.id}`} className="card-title">
          Lease {l.id} · {l.requested.map((r) => `${r.quantity} × ${r.sku}`).join(', ')}
        </Link>
        <Status value={l.status} awaiting={l.awaitingApproval} />
      </div>
      <p className="meta">
        {l.status === 'SCHEDULED' ? (
          <>
            <span>
              starts <Time value={l.startsAt} />
            </span>
            <span>
              ends <Time value={l.endsAt} />
            </span>
          </>
        ) : l.status === 'ACTIVE' ? (
          <>
            <Countdown until={l.endsAt} />
            <span>
              ends <Time value={l.endsAt} />
            </span>
          </>
        ) : l.status === 'QUEUED' ? (
          <QueuePlace position={l.queuePosition} until={l.queuedUntil} />
        ) : (
          <span>
            asked <Time value={l.createdAt} />
          </span>
        )}
        {l.note && <span className="muted">“{l.note}”</span>}
      </p>
      {l.status === 'ACTIVE' && <LeaseItems lease={l} />}
      <LeaseActions lease={l} onChanged={onChanged} />
      <BookingActions lease={l} onChanged={onChanged} />
    </li>
  );
}

function History({ user }: { user: MyMetal_history$key }) {
  const { data, loadNext, hasNext, isLoadingNext } = usePaginationFragment(
    graphql`
      fragment MyMetal_history on User
      @refetchable(queryName: "MyMetalHistoryPaginationQuery")
      @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "Cursor" }) {
        history: leases(first: $count, after: $cursor, where: { statusIn: [RETURNED, EXPIRED, REJECTED] }, orderBy: { field: CREATED_AT, direction: DESC })
          @connection(key: "MyMetal_history") {
          totalCount
          edges {
            node {
              id status createdAt endedAt statusMessage note
              requested { sku quantity }
              allocations { id item { id name } }
            }
          }
        }
      }
    `,
    user,
  );
  const rows = (data.history.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      <h2>History</h2>
      {rows.length === 0 ? (
        <Empty>Nothing returned, expired or rejected yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Leases that ended</caption>
            <thead>
              <tr>
                <th scope="col">Lease</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">Ended</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} data-lease={l.id}>
                  <td>
                    <Link to={`/leases/${l.id}`}>{l.id}</Link>
                  </td>
                  <td>
                    {l.requested.map((r) => `${r.quantity} × ${r.sku}`).join(', ')}
                    {l.allocations.length > 0 && <span className="muted"> · {l.allocations.map((a) => a.item.name).join(', ')}</span>}
                  </td>
                  <td>
                    <Status value={l.status} />
                  </td>
                  <td>
                    <Time value={l.endedAt} />
                  </td>
                  <td>{l.statusMessage ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasNext && (
        <button type="button" onClick={() => loadNext(20)} disabled={isLoadingNext}>
          {isLoadingNext ? 'Loading…' : `Show more (${data.history.totalCount - rows.length} more)`}
        </button>
      )}
    </>
  );
}
