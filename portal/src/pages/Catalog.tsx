import { useEffect, useMemo, useState } from 'react';
import { graphql, useFragment, usePreloadedQuery, useRelayEnvironment, fetchQuery , type PreloadedQuery } from 'react-relay';
import type { CatalogQuery } from '../__generated__/CatalogQuery.graphql';
import type { Catalog_product$key } from '../__generated__/Catalog_product.graphql';
import { Link } from '../router';
import type { PageProps } from '../App';
import { useSeenViewer } from '../viewer';
import { money } from '../lib/money';
import { humanDuration, seconds } from '../lib/duration';
import { Empty } from '../components/Loading';

const query = graphql`
  query CatalogQuery {
    viewer { id name role costCenter { code } }
    products(first: 500, orderBy: { field: SKU, direction: ASC }) {
      totalCount
      edges { node { id sku name description tier ...Catalog_product } }
    }
    availability { sku available reserving leased rebuilding maintenance }
  }
`;

const availabilityQuery = graphql`
  query CatalogAvailabilityQuery {
    availability { sku available reserving leased rebuilding maintenance }
  }
`;

const TIERS: Record<number, string> = { 1: 'Heritage', 2: 'PaaS', 3: 'IaaS', 4: 'Metal' };

/** How often the catalog asks for fresh availability while it is open. */
const REFRESH_MS = 15000;

export default function Catalog({ query: ref }: PageProps) {
  const data = usePreloadedQuery<CatalogQuery>(query, ref as PreloadedQuery<CatalogQuery>);
  useSeenViewer(data.viewer);
  const env = useRelayEnvironment();
  useEffect(() => {
    // Availability is everyone's: refresh it while the page is open and visible.
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') fetchQuery(env, availabilityQuery, {}).subscribe({});
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [env]);
  const [filter, setFilter] = useState('');
  const [tier, setTier] = useState(0);
  const avail = useMemo(() => new Map(data.availability.map((a) => [a.sku, a])), [data.availability]);
  const products = (data.products.edges ?? [])
    .map((e) => e?.node)
    .filter((n): n is NonNullable<typeof n> => !!n)
    .filter((n) => (tier === 0 || n.tier === tier) && (filter === '' || `${n.sku} ${n.name} ${n.description ?? ''}`.toLowerCase().includes(filter.toLowerCase())));
  return (
    <section>
      <div className="page-head">
        <h1>Catalog</h1>
        <p className="muted">{data.products.totalCount} products · availability refreshes every {REFRESH_MS / 1000}s</p>
      </div>
      <div className="filters" role="search">
        <label>
          Search
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="SKU, name or description" />
        </label>
        <label>
          Tier
          <select value={tier} onChange={(e) => setTier(Number(e.target.value))}>
            <option value={0}>All tiers</option>
            {Object.entries(TIERS).map(([k, v]) => (
              <option key={k} value={k}>
                {k} · {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      {products.length === 0 ? (
        <Empty>No product matches.</Empty>
      ) : (
        <ul className="cards" aria-label="Products">
          {products.map((p) => (
            <ProductCard key={p.id} product={p} available={avail.get(p.sku)?.available ?? 0} leased={avail.get(p.sku)?.leased ?? 0} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProductCard({ product, available, leased }: { product: Catalog_product$key; available: number; leased: number }) {
  const p = useFragment(
    graphql`
      fragment Catalog_product on Product {
        sku
        name
        description
        tier
        pricePerDay
        currency
        requiresApproval
        defaultDuration
        components { id quantity product { sku } }
      }
    `,
    product,
  );
  const bundle = p.components.length > 0;
  return (
    <li className="card product-card" data-product-card={p.sku}>
      <div className="card-head">
        <Link to={`/catalog/${encodeURIComponent(p.sku)}`} className="card-title">
          <span className="sku">{p.sku}</span> {p.name}
        </Link>
        <span className={`avail ${available > 0 ? 'in' : 'out'}`} data-available={available}>
          {available > 0 ? `${available} available` : 'none available'}
          <span className="muted"> · {leased} leased</span>
        </span>
      </div>
      {p.description && <p className="desc">{p.description}</p>}
      {bundle && (
        <p className="bundle">
          Bundle of {p.components.map((c) => `${c.quantity} × ${c.product.sku}`).join(' + ')}
          {available > 0 && <span className="muted"> · {available} whole bundles free</span>}
        </p>
      )}
      <p className="meta">
        <span>{money(p.pricePerDay, p.currency)} / day</span>
        {p.defaultDuration && <span>default {humanDuration(seconds(p.defaultDuration))}</span>}
        {p.requiresApproval && <span className="badge badge-awaiting">needs approval</span>}
      </p>
    </li>
  );
}
