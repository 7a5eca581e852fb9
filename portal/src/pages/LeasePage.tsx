import { useMemo } from 'react';
import { graphql, useFragment, usePreloadedQuery, useSubscription , type PreloadedQuery } from 'react-relay';
import type { GraphQLSubscriptionConfig } from 'relay-runtime';
import type { LeasePageQuery } from '../__generated__/LeasePageQuery.graphql';
import type { LeasePage_detail$key } from '../__generated__/LeasePage_detail.graphql';
import type { LeasePageSubscription } from '../__generated__/LeasePageSubscription.graphql';
import type { PageProps } from '../App';
import { useSeenViewer, useViewer } from '../viewer';
import { isManager } from '../session';
import { Link } from '../router';
import { Status } from '../components/Status';
import { Time } from '../components/Time';
import { Countdown } from '../components/Countdown';
import { LeaseItems } from '../components/LeaseItems';
import { SecretValue } from '../components/ParameterFields';
import { LeaseActions } from '../components/LeaseActions';
import { BookingActions } from '../components/BookingActions';
import { ApprovalActions } from '../components/ApprovalActions';
import { Empty } from '../components/Loading';
import { humanDuration, seconds } from '../lib/duration';
import { money } from '../lib/money';

const query = graphql`
  query LeasePageQuery($id: ID!) {
    viewer { id name role costCenter { code } }
    lease(id: $id) { id ...LeasePage_detail }
  }
`;

const subscription = graphql`
  subscription LeasePageSubscription($id: ID) {
    leaseEvents(leaseId: $id) { kind at lease { id ...LeasePage_detail } }
  }
`;

export default function LeasePage({ params, query: ref }: PageProps) {
  const data = usePreloadedQuery<LeasePageQuery>(query, ref as PreloadedQuery<LeasePageQuery>);
  useSeenViewer(data.viewer);
  const config = useMemo<GraphQLSubscriptionConfig<LeasePageSubscription>>(() => ({ subscription, variables: { id: params.id } }), [params.id]);
  useSubscription(config);
  if (!data.lease) {
    return (
      <section>
        <h1>Lease {params.id}</h1>
        <p>There is no such lease, or it is not yours to see. <Link to="/metal">My metal</Link></p>
      </section>
    );
  }
  return <Detail lease={data.lease} />;
}

function Detail({ lease }: { lease: LeasePage_detail$key }) {
  const { viewer } = useViewer();
  const l = useFragment(
    graphql`
      fragment LeasePage_detail on Lease {
        id status awaitingApproval createdAt startsAt endsAt endedAt duration note statusMessage decidedBy
        owner { id name costCenter { code } }
        requested { sku quantity }
        parameters { line sku component name type value secret }
        ...LeaseItems_lease
        ...LeaseActions_lease
        ...BookingActions_lease
        openExtensionRequest { id by mayDecide }
        events { id at actor kind from to message }
        orders { id kind periodStart periodEnd createdAt contents { id quantity price currency product { id sku } } }
      }
    `,
    lease,
  );
  const mine = l.owner.id === viewer.id;
  const events = [...l.events].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
  return (
    <section>
      <p className="crumbs">
        <Link to={mine ? '/metal' : '/team'}>{mine ? 'My metal' : 'Team leases'}</Link> › Lease {l.id}
      </p>
      <div className="page-head">
        <h1>
          Lease {l.id} <Status value={l.status} awaiting={l.awaitingApproval} />
        </h1>
        <p className="muted">
          {l.requested.map((r) => `${r.quantity} × ${r.sku}`).join(', ')} for {l.owner.name}
          {l.owner.costCenter ? ` (${l.owner.costCenter.code})` : ''}
        </p>
      </div>
      {l.statusMessage && <p className={l.status === 'REJECTED' ? 'error' : 'notice'}>{l.statusMessage}</p>}
      <div className="grid2">
        <div className="panel">
          <h2>Period</h2>
          <dl className="kv">
            <div><dt>Asked</dt><dd><Time value={l.createdAt} /></dd></div>
            <div><dt>{l.status === 'SCHEDULED' ? 'Starts' : 'Started'}</dt><dd><Time value={l.startsAt} /></dd></div>
            <div><dt>Ends</dt><dd><Time value={l.endsAt} />{l.status === 'ACTIVE' && <> · <Countdown until={l.endsAt} /></>}</dd></div>
            {l.endedAt && <div><dt>Ended</dt><dd><Time value={l.endedAt} /></dd></div>}
            <div><dt>Duration</dt><dd>{humanDuration(seconds(l.duration))}</dd></div>
            {l.note && <div><dt>Note</dt><dd>{l.note}</dd></div>}
            {l.decidedBy && <div><dt>Decided by</dt><dd>{l.decidedBy}</dd></div>}
          </dl>
          {mine || viewer.role === 'ADMIN' ? <LeaseActions lease={l} /> : null}
          {mine || viewer.role === 'ADMIN' ? <BookingActions lease={l} /> : null}
          {l.status === 'PENDING' && l.awaitingApproval && isManager(viewer) && <ApprovalActions leaseId={l.id} />}
          {l.openExtensionRequest?.mayDecide && (
            <div className="panel-sub">
              <h3>Extension by {humanDuration(seconds(l.openExtensionRequest.by))} asked</h3>
              <ApprovalActions kind="extension" leaseId={l.openExtensionRequest.id} />
            </div>
          )}
        </div>
        <div className="panel">
          <h2>Items</h2>
          <LeaseItems lease={l} withCredentials={mine || viewer.role === 'ADMIN'} />
          {l.parameters.length > 0 && (
            <>
              <h3>Parameters</h3>
              <table className="params-table" aria-label="Parameters">
                <thead>
                  <tr><th>Line</th><th>Parameter</th><th>Value</th></tr>
                </thead>
                <tbody>
                  {l.parameters.map((pp) => (
                    <tr key={`${pp.line}-${pp.component ?? ''}-${pp.name}`}>
                      <td>{pp.sku}</td>
                      <td>{pp.component ? `${pp.component} ${pp.name}` : pp.name}</td>
                      <td className="value">{pp.secret ? (pp.value == null ? '•••••••• (hidden)' : <SecretValue value={pp.value} />) : pp.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
      <div className="grid2">
        <div className="panel">
          <h2>Timeline</h2>
          {events.length === 0 ? (
            <Empty>No events yet.</Empty>
          ) : (
            <ol className="timeline">
              {events.map((e) => (
                <li key={e.id}>
                  <Time value={e.at} /> <strong>{e.kind}</strong>
                  {e.from || e.to ? (
                    <span className="muted">
                      {' '}
                      {e.from ?? '—'} → {e.to ?? '—'}
                    </span>
                  ) : null}
                  {e.actor && <span className="muted"> · {e.actor}</span>}
                  {e.message && <div className="msg">{e.message}</div>}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="panel">
          <h2>Orders</h2>
          {l.orders.length === 0 ? (
            <Empty>No orders: a lease is billed once it is active.</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Period</th>
                  <th scope="col">Contents</th>
                </tr>
              </thead>
              <tbody>
                {l.orders.map((o) => (
                  <tr key={o.id}>
                    <td>{o.kind}</td>
                    <td>
                      <Time value={o.periodStart} /> – <Time value={o.periodEnd} />
                    </td>
                    <td>
                      {o.contents.map((c) => (
                        <div key={c.id}>
                          {c.quantity} × {c.product.sku}
                          {c.price != null && c.currency ? ` · ${money(c.price, c.currency)}` : ''}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
