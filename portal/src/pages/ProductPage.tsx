import { useMemo, useRef, useState } from 'react';
import { graphql, useFragment, usePreloadedQuery, useMutation, useSubscription , type PreloadedQuery } from 'react-relay';
import type { GraphQLSubscriptionConfig } from 'relay-runtime';
import type { ProductPageQuery } from '../__generated__/ProductPageQuery.graphql';
import type { ProductPageVendMutation } from '../__generated__/ProductPageVendMutation.graphql';
import type { ProductPage_result$key } from '../__generated__/ProductPage_result.graphql';
import type { ProductPageLeaseSubscription } from '../__generated__/ProductPageLeaseSubscription.graphql';
import type { PageProps } from '../App';
import { useSeenViewer } from '../viewer';
import { Link } from '../router';
import { money } from '../lib/money';
import { humanDuration, seconds } from '../lib/duration';
import { VendForm, type VendRequest } from '../components/VendForm';
import { NO_SELECTION, PreviewPanel, selectionInput, usePreview, VendSelection, type Selection } from '../components/VendSelection';
import { paramFields } from '../components/ParameterFields';
import { ErrorMessage } from '../components/ErrorMessage';
import { LeaseItems } from '../components/LeaseItems';
import { Status } from '../components/Status';
import { Time } from '../components/Time';
import { Countdown } from '../components/Countdown';
import { useNow } from '../components/useNow';

const query = graphql`
  query ProductPageQuery($sku: String!) {
    viewer { id name role costCenter { code } }
    product(sku: $sku) {
      id sku name description tier type size
      attributes { key value }
      pricePerDay currency
      defaultDuration minDuration maxDuration maxLifetime
      requiresApproval extensionRequiresApproval
      retired custom expiresAt
      components { id quantity product { id sku name parameters { name type description required default fixed values min max maxLength pattern } } }
      parameters { name type description required default fixed values min max maxLength pattern }
    }
    availability(sku: $sku) { sku available reserving leased rebuilding maintenance }
  }
`;

const vendMutation = graphql`
  mutation ProductPageVendMutation($input: VendInput!) {
    vend(input: $input) { id ...ProductPage_result }
  }
`;

const TIERS: Record<number, string> = { 1: 'heritage', 2: 'PaaS', 3: 'IaaS', 4: 'MaaS (bare metal)' };

export default function ProductPage({ params, query: ref }: PageProps) {
  const data = usePreloadedQuery<ProductPageQuery>(query, ref as PreloadedQuery<ProductPageQuery>);
  useSeenViewer(data.viewer);
  const [commit, busy] = useMutation<ProductPageVendMutation>(vendMutation);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ProductPage_result$key | null>(null);
  const [started, setStarted] = useState(0);
  const [asked, setAsked] = useState(0);
  const key = useRef<string | null>(null);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const p = data.product;
  const preview = usePreview(p?.sku ?? '', selection);
  if (!p) {
    return (
      <section>
        <h1>No product {params.sku}</h1>
        <p>
          Back to the <Link to="/">catalog</Link>.
        </p>
      </section>
    );
  }
  const a = data.availability[0];
  const bundle = p.components.length > 0;
  const vend = (r: VendRequest) => {
    setError(null);
    setResult(null);
    // One key per attempt: pressing Vend twice or retrying after a dropped answer returns the same lease.
    key.current ??= crypto.randomUUID();
    setStarted(Date.now());
    setAsked(r.quantity * (bundle ? p.components.reduce((n, c) => n + c.quantity, 0) : 1));
    commit({
      variables: { input: { lines: [{ sku: p.sku, quantity: r.quantity, ...(bundle ? {} : selectionInput(selection)), parameters: r.parameters?.length ? r.parameters : null }], duration: r.duration, note: r.note, idempotencyKey: key.current } },
      onCompleted: (res) => {
        key.current = null;
        setResult(res.vend);
      },
      onError: (e) => {
        key.current = null;
        setError(e);
      },
    });
  };
  return (
    <section>
      <p className="crumbs">
        <Link to="/">Catalog</Link> › {p.sku}
      </p>
      <div className="page-head">
        <h1>
          <span className="sku">{p.sku}</span> {p.name}
        </h1>
        {p.retired && <span className="badge badge-archived">Retired</span>}
      </div>
      {p.description && <p>{p.description}</p>}
      <div className="grid2">
        <div className="panel">
          <h2>Details</h2>
          <dl className="kv">
            <div><dt>Tier</dt><dd>{p.tier} · {TIERS[p.tier] ?? ''}</dd></div>
            <div><dt>Price</dt><dd>{money(p.pricePerDay, p.currency)} per day</dd></div>
            {p.attributes.map((at) => (
              <div key={at.key}><dt>{at.key.replace(/_/g, ' ')}</dt><dd>{at.value}</dd></div>
            ))}
            {bundle && (
              <div>
                <dt>Bundle of</dt>
                <dd>
                  {p.components.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 && ' + '}
                      {c.quantity} × <Link to={`/catalog/${encodeURIComponent(c.product.sku)}`}>{c.product.sku}</Link>
                    </span>
                  ))}
                </dd>
              </div>
            )}
          </dl>
        </div>
        <div className="panel">
          <h2>Lease policy</h2>
          <dl className="kv">
            <div><dt>Default duration</dt><dd>{p.defaultDuration ? humanDuration(seconds(p.defaultDuration)) : '—'}</dd></div>
            <div><dt>Longest lease</dt><dd>{p.maxDuration ? humanDuration(seconds(p.maxDuration)) : 'no limit'}</dd></div>
            {p.minDuration && <div><dt>Shortest lease</dt><dd>{humanDuration(seconds(p.minDuration))}</dd></div>}
            <div><dt>Longest with extensions</dt><dd>{p.maxLifetime ? humanDuration(seconds(p.maxLifetime)) : 'no limit'}</dd></div>
            <div><dt>Vending</dt><dd>{p.requiresApproval ? 'needs a manager’s approval' : 'immediate'}</dd></div>
            <div><dt>Extending</dt><dd>{p.extensionRequiresApproval ? 'needs approval' : 'within the policy'}</dd></div>
          </dl>
          {a && (
            <p className="avail-line" data-available={a.available}>
              <strong>{a.available}</strong> {bundle ? 'whole bundles' : 'items'} available · {a.leased} leased · {a.rebuilding} rebuilding · {a.maintenance} in maintenance
            </p>
          )}
        </div>
      </div>
      {!p.retired && (
        <div className="panel">
          <h2>Vend</h2>
          <p className="help">
            Need it later? <Link to={`/catalog/${encodeURIComponent(p.sku)}/calendar`}>See the calendar and book ahead</Link>.
          </p>
          <VendForm
            key={p.id}
            bundle={bundle}
            busy={busy}
            onVend={(r) => {
              preview.clear();
              vend(r);
            }}
            onPreview={preview.run}
            parameters={paramFields(p.parameters, p.components)}
            policy={{ defaultDuration: p.defaultDuration, minDuration: p.minDuration, maxDuration: p.maxDuration, available: a?.available ?? 0 }}
          >
            {!bundle && <VendSelection value={selection} onChange={setSelection} />}
          </VendForm>
          <PreviewPanel preview={preview.preview} error={preview.error} />
          {busy && <Progress started={started} items={asked} />}
          <ErrorMessage error={error} />
        </div>
      )}
      {result && <VendResult lease={result} />}
    </section>
  );
}

/** While the dispenser works: what it is doing and for how long so far. */
function Progress({ started, items }: { started: number; items: number }) {
  const now = useNow();
  return (
    <div className="progress-box" role="status" aria-live="polite">
      <div className="progress" aria-hidden="true"><span /></div>
      The dispenser is preparing {items} item{items === 1 ? '' : 's'}… {Math.max(0, Math.round((now - started) / 1000))}s
    </div>
  );
}

const subscription = graphql`
  subscription ProductPageLeaseSubscription($id: ID) {
    leaseEvents(leaseId: $id) {
      kind
      at
      lease { id ...ProductPage_result }
    }
  }
`;

function VendResult({ lease }: { lease: ProductPage_result$key }) {
  const l = useFragment(
    graphql`
      fragment ProductPage_result on Lease {
        id status awaitingApproval statusMessage endsAt decidedBy
        ...LeaseItems_lease
      }
    `,
    lease,
  );
  const config = useMemo<GraphQLSubscriptionConfig<ProductPageLeaseSubscription>>(() => ({ subscription, variables: { id: l.id } }), [l.id]);
  // Live while it waits: an approval or rejection shows here without a reload.
  useSubscription(config);
  return (
    <div className={`panel result result-${l.status.toLowerCase()}`} aria-live="polite" data-lease={l.id}>
      <h2>
        {l.status === 'ACTIVE' ? 'Your metal is ready' : l.status === 'PENDING' && l.awaitingApproval ? 'Awaiting approval' : l.status === 'REJECTED' ? 'Not vended' : 'Lease'}{' '}
        <Status value={l.status} awaiting={l.awaitingApproval} />
      </h2>
      {l.status === 'PENDING' && l.awaitingApproval && <p>A manager of your cost center decides; this page updates when they do.</p>}
      {l.statusMessage && <p className={l.status === 'REJECTED' ? 'error' : ''}>{l.statusMessage}</p>}
      {l.status === 'ACTIVE' && (
        <p>
          Ends <Time value={l.endsAt} /> (<Countdown until={l.endsAt} />)
        </p>
      )}
      <LeaseItems lease={l} />
      <p>
        <Link to={`/leases/${l.id}`}>Open the lease</Link> · <Link to="/metal">My metal</Link>
      </p>
    </div>
  );
}
