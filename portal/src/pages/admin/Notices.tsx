import { graphql, useLazyLoadQuery, usePaginationFragment } from 'react-relay';
import type { NoticesQuery } from '../../__generated__/NoticesQuery.graphql';
import type { Notices_notices$key } from '../../__generated__/Notices_notices.graphql';
import { useSeenViewer } from '../../viewer';
import { Time } from '../../components/Time';
import { Empty } from '../../components/Loading';

const query = graphql`
  query NoticesQuery {
    viewer { id name role costCenter { code } }
    ...Notices_notices
  }
`;

export default function Notices() {
  const data = useLazyLoadQuery<NoticesQuery>(query, {}, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  return (
    <section>
      <div className="page-head">
        <h1>Notices</h1>
        <p className="muted">What was sent to whom, and whether it arrived.</p>
      </div>
      <List query={data} />
    </section>
  );
}

function List({ query: ref }: { query: Notices_notices$key }) {
  const { data, loadNext, hasNext, isLoadingNext } = usePaginationFragment(
    graphql`
      fragment Notices_notices on Query
      @refetchable(queryName: "NoticesPaginationQuery")
      @argumentDefinitions(count: { type: "Int", defaultValue: 50 }, cursor: { type: "Cursor" }) {
        notices(first: $count, after: $cursor, orderBy: { field: CREATED_AT, direction: DESC }) @connection(key: "Notices_notices") {
          totalCount
          edges { node { id kind channel recipient createdAt deliveredAt failedAt attempts lastError } }
        }
      }
    `,
    ref,
  );
  const rows = (data.notices.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  if (rows.length === 0) return <Empty>No notices yet.</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Kind</th>
              <th scope="col">Channel</th>
              <th scope="col">Recipient</th>
              <th scope="col">Delivery</th>
              <th scope="col" className="num">Attempts</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td><Time value={n.createdAt} /></td>
                <td>{n.kind}</td>
                <td>{n.channel}</td>
                <td className="mono">{n.recipient}</td>
                <td>
                  {n.deliveredAt ? (
                    <span className="badge badge-active">delivered</span>
                  ) : n.failedAt ? (
                    <span className="badge badge-rejected">failed</span>
                  ) : (
                    <span className="badge badge-pending">queued</span>
                  )}{' '}
                  <Time value={n.deliveredAt ?? n.failedAt} fallback="" />
                </td>
                <td className="num">{n.attempts}</td>
                <td className="muted">{n.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span className="muted">{rows.length} of {data.notices.totalCount}</span>
        {hasNext && (
          <button type="button" onClick={() => loadNext(50)} disabled={isLoadingNext}>
            {isLoadingNext ? 'Loading…' : 'Show more'}
          </button>
        )}
      </div>
    </>
  );
}
