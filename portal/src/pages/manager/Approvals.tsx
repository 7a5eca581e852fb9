import { useCallback, useMemo, useState } from 'react';
import { fetchQuery, graphql, useLazyLoadQuery, useRelayEnvironment, useSubscription } from 'react-relay';
import type { GraphQLSubscriptionConfig } from 'relay-runtime';
import type { ApprovalsQuery } from '../../__generated__/ApprovalsQuery.graphql';
import type { ApprovalsSubscription } from '../../__generated__/ApprovalsSubscription.graphql';
import { useSeenViewer } from '../../viewer';
import { Link } from '../../router';
import { Time } from '../../components/Time';
import { ApprovalActions } from '../../components/ApprovalActions';
import { Empty } from '../../components/Loading';
import { humanDuration, seconds } from '../../lib/duration';

// The queue: leases awaiting approval, then extension requests (an owner's extend beyond policy).
const query = graphql`
  query ApprovalsQuery {
    viewer { id name role costCenter { code } }
    pending: leases(first: 200, where: { status: PENDING, awaitingApproval: true }, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      edges {
        node {
          id createdAt duration note
          requested { sku quantity }
          owner { id name email costCenter { code } }
        }
      }
    }
    extensionRequests {
      id by createdAt mayDecide
      requester { id name costCenter { code } }
      lease { id endsAt requested { sku quantity } }
    }
  }
`;

const subscription = graphql`
  subscription ApprovalsSubscription {
    leaseEvents { kind lease { id status awaitingApproval } }
  }
`;

export default function Approvals() {
  const data = useLazyLoadQuery<ApprovalsQuery>(query, {}, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const env = useRelayEnvironment();
  const [decided, setDecided] = useState<Record<string, string>>({});
  const refresh = useCallback(() => fetchQuery(env, query, {}, { fetchPolicy: 'network-only' }).subscribe({}), [env]);
  const config = useMemo<GraphQLSubscriptionConfig<ApprovalsSubscription>>(
    () => ({ subscription, variables: {}, onNext: (e) => (e?.leaseEvents.lease.awaitingApproval || e?.leaseEvents.kind.startsWith('EXTENSION')) && refresh() }),
    [refresh],
  );
  // New requests from the cost center appear without a reload.
  useSubscription(config);
  const rows = (data.pending.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  // A request decided here stays on screen with its outcome, though the live refresh drops it.
  const [decidedExt, setDecidedExt] = useState<typeof data.extensionRequests>([]);
  const open = data.extensionRequests.filter((r) => r.mayDecide && !decidedExt.some((d) => d.id === r.id));
  const extensions = [...decidedExt, ...open];
  const waiting = rows.filter((r) => !decided[r.id]).length + extensions.filter((r) => !decided[r.id]).length;
  return (
    <section>
      <div className="page-head">
        <h1>Approvals</h1>
        <p className="muted">{waiting} awaiting a decision · live</p>
      </div>
      <h2>Leases awaiting approval</h2>
      {rows.length === 0 ? (
        <Empty>Nothing is waiting for you.</Empty>
      ) : (
        <ul className="leases" aria-label="Leases awaiting approval">
          {rows.map((l) => (
            <li key={l.id} className="card" data-lease={l.id}>
              <div className="card-head">
                <Link to={`/leases/${l.id}`} className="card-title">
                  {l.requested.map((r) => `${r.quantity} × ${r.sku}`).join(', ')} for {humanDuration(seconds(l.duration))}
                </Link>
                <span className="muted">
                  asked <Time value={l.createdAt} />
                </span>
              </div>
              <p className="meta">
                <span>
                  by <strong>{l.owner.name}</strong>
                  {l.owner.costCenter ? ` (${l.owner.costCenter.code})` : ''}
                </span>
                {l.note && <span>“{l.note}”</span>}
              </p>
              {decided[l.id] ? (
                <p className="ok" role="status">
                  {decided[l.id]}
                </p>
              ) : (
                <ApprovalActions
                  leaseId={l.id}
                  onDecided={(outcome, msg) => {
                    setDecided((d) => ({ ...d, [l.id]: outcome === 'approved' ? (msg ? `Approved, but the dispenser refused: ${msg}` : 'Approved: it is being vended.') : `Rejected: ${msg}` }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Extension requests</h2>
      {extensions.length === 0 ? (
        <Empty>No extension is waiting for you.</Empty>
      ) : (
        <ul className="leases" aria-label="Extension requests">
          {extensions.map((r) => (
            <li key={r.id} className="card" data-extension-request={r.id}>
              <div className="card-head">
                <Link to={`/leases/${r.lease.id}`} className="card-title">
                  Extend lease {r.lease.id} ({r.lease.requested.map((q) => `${q.quantity} × ${q.sku}`).join(', ')}) by {humanDuration(seconds(r.by))}
                </Link>
                <span className="muted">
                  asked <Time value={r.createdAt} />
                </span>
              </div>
              <p className="meta">
                <span>
                  by <strong>{r.requester.name}</strong>
                  {r.requester.costCenter ? ` (${r.requester.costCenter.code})` : ''}
                </span>
                <span>
                  now ends <Time value={r.lease.endsAt} />
                </span>
              </p>
              {decided[r.id] ? (
                <p className="ok" role="status">
                  {decided[r.id]}
                </p>
              ) : (
                <ApprovalActions
                  kind="extension"
                  leaseId={r.id}
                  onDecided={(outcome, msg) => {
                    setDecidedExt((d) => [...d, r]);
                    setDecided((d) => ({ ...d, [r.id]: outcome === 'approved' ? 'Approved: the lease runs longer.' : `Rejected: ${msg}` }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
