import { useState, useTransition } from 'react';
import { graphql, useLazyLoadQuery, usePaginationFragment } from 'react-relay';
import type { TeamLeasesQuery, LeaseStatus } from '../../__generated__/TeamLeasesQuery.graphql';
import type { TeamLeases_leases$key } from '../../__generated__/TeamLeases_leases.graphql';
import { useSeenViewer, useViewer } from '../../viewer';
import { Link } from '../../router';
import { Status } from '../../components/Status';
import { Time } from '../../components/Time';
import { Countdown } from '../../components/Countdown';
import { Empty } from '../../components/Loading';

const query = graphql`
  query TeamLeasesQuery($statuses: [LeaseStatus!]) {
    viewer { id name role costCenter { code } }
    ...TeamLeases_leases @arguments(statuses: $statuses)
  }
`;

const FILTERS: { label: string; statuses: LeaseStatus[] | null }[] = [
  { label: 'Current', statuses: ['PENDING', 'ACTIVE'] },
  { label: 'Ended', statuses: ['RETURNED', 'EXPIRED', 'REJECTED'] },
  { label: 'All', statuses: null },
];

export default function TeamLeases() {
  const [filter, setFilter] = useState(0);
  const [, startTransition] = useTransition();
  const data = useLazyLoadQuery<TeamLeasesQuery>(query, { statuses: FILTERS[filter].statuses }, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const { viewer } = useViewer();
  return (
    <section>
      <div className="page-head">
        <h1>Team leases</h1>
        <p className="muted">{viewer.role === 'ADMIN' ? 'Everyone’s leases' : `Leases of cost center ${viewer.costCenter ?? ''}`}</p>
      </div>
      <div className="filters" role="group" aria-label="Show">
        {FILTERS.map((f, i) => (
          <button key={f.label} type="button" className={i === filter ? 'primary' : ''} aria-pressed={i === filter} onClick={() => startTransition(() => setFilter(i))}>
            {f.label}
          </button>
        ))}
      </div>
      <Table query={data} />
    </section>
  );
}

function Table({ query: ref }: { query: TeamLeases_leases$key }) {
  const { data, loadNext, hasNext, isLoadingNext } = usePaginationFragment(
    graphql`
      fragment TeamLeases_leases on Query
      @refetchable(queryName: "TeamLeasesPaginationQuery")
      @argumentDefinitions(count: { type: "Int", defaultValue: 50 }, cursor: { type: "Cursor" }, statuses: { type: "[LeaseStatus!]" }) {
        leases(first: $count, after: $cursor, where: { statusIn: $statuses }, orderBy: { field: CREATED_AT, direction: DESC }) @connection(key: "TeamLeases_leases") {
          totalCount
          edges {
            node {
              id status awaitingApproval createdAt endsAt endedAt statusMessage
              requested { sku quantity }
              owner { id name }
              allocations { id }
            }
          }
        }
      }
    `,
    ref,
  );
  const rows = (data.leases.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  if (rows.length === 0) return <Empty>No leases.</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Lease</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">Asked</th>
              <th scope="col">Ends / ended</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id}>
                <td><Link to={`/leases/${l.id}`}>{l.id}</Link></td>
                <td>{l.owner.name}</td>
                <td>
                  {l.requested.map((r) => `${r.quantity} × ${r.sku}`).join(', ')}
                  <span className="muted"> · {l.allocations.length} items</span>
                </td>
                <td><Status value={l.status} awaiting={l.awaitingApproval} /></td>
                <td><Time value={l.createdAt} /></td>
                <td>
                  {l.status === 'ACTIVE' ? (
                    <>
                      <Time value={l.endsAt} /> · <Countdown until={l.endsAt} />
                    </>
                  ) : (
                    <Time value={l.endedAt} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span className="muted">
          {rows.length} of {data.leases.totalCount}
        </span>
        {hasNext && (
          <button type="button" onClick={() => loadNext(50)} disabled={isLoadingNext}>
            {isLoadingNext ? 'Loading…' : 'Show more'}
          </button>
        )}
      </div>
    </>
  );
}
