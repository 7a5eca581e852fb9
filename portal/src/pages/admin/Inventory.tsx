import { useState, type FormEvent } from 'react';
import { graphql, useLazyLoadQuery } from 'react-relay';
import type { InventoryQuery, InventoryQuery$variables, ItemStatus } from '../../__generated__/InventoryQuery.graphql';
import { useSeenViewer } from '../../viewer';
import { Link, useRouter } from '../../router';
import { Status } from '../../components/Status';
import { Time } from '../../components/Time';
import { Empty } from '../../components/Loading';

export const PAGE = 50;
const STATUSES: ItemStatus[] = ['AVAILABLE', 'RESERVING', 'LEASED', 'REBUILDING', 'MAINTENANCE', 'ARCHIVING', 'ARCHIVED'];

const query = graphql`
  query InventoryQuery($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: InventoryItemWhereInput) {
    viewer { id name role costCenter { code } }
    inventoryItems(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id name pool labels status statusChangedAt lastError product { id sku } } }
    }
    products(first: 500, includeRetired: true, orderBy: { field: SKU, direction: ASC }) { edges { node { id sku components { id } } } }
  }
`;

export type InventoryFilters = { sku: string; status: string; pool: string };

/** The query's variables from the page's address: filters and the cursor to page from. */
export function inventoryVariables(search: URLSearchParams): InventoryQuery$variables {
  const where: NonNullable<InventoryQuery$variables['where']> = {};
  const sku = search.get('sku');
  const status = search.get('status');
  const pool = search.get('pool');
  if (sku) where.hasProductWith = [{ sku }];
  if (status && (STATUSES as string[]).includes(status)) where.status = status as ItemStatus;
  if (pool) where.pool = pool;
  const before = search.get('before');
  const after = search.get('after');
  if (before) return { last: PAGE, before, where };
  return { first: PAGE, after: after ?? null, where };
}

export default function Inventory() {
  const { search, navigate } = useRouter();
  const variables = inventoryVariables(search);
  const data = useLazyLoadQuery<InventoryQuery>(query, variables, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const [f, setF] = useState<InventoryFilters>({ sku: search.get('sku') ?? '', status: search.get('status') ?? '', pool: search.get('pool') ?? '' });
  const go = (extra: Record<string, string>, p: number) => {
    const q = new URLSearchParams();
    if (f.sku) q.set('sku', f.sku);
    if (f.status) q.set('status', f.status);
    if (f.pool.trim()) q.set('pool', f.pool.trim());
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    navigate(`/admin/inventory${q.size ? `?${q}` : ''}`);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    go({}, 1);
  };
  const conn = data.inventoryItems;
  const rows = (conn.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const skus = (data.products.edges ?? []).flatMap((e) => (e?.node && e.node.components.length === 0 ? [e.node.sku] : []));
  const firstRow = (page - 1) * PAGE + 1;
  return (
    <section>
      <div className="page-head">
        <h1>Inventory</h1>
        <p className="muted">{conn.totalCount.toLocaleString()} items match</p>
        <Link to="/admin/import">Import from CSV</Link>
      </div>
      <form className="filters" onSubmit={apply} role="search" aria-label="Filter items">
        <label>
          SKU
          <select value={f.sku} onChange={(e) => setF({ ...f, sku: e.target.value })}>
            <option value="">any</option>
            {skus.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pool
          <input value={f.pool} onChange={(e) => setF({ ...f, pool: e.target.value })} placeholder="e.g. rack-a" size={12} />
        </label>
        <button type="submit" className="primary">
          Filter
        </button>
        {(search.get('sku') || search.get('status') || search.get('pool')) && (
          <button
            type="button"
            onClick={() => {
              setF({ sku: '', status: '', pool: '' });
              navigate('/admin/inventory');
            }}
          >
            Clear
          </button>
        )}
      </form>
      {rows.length === 0 ? (
        <Empty>No item matches.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">SKU</th>
                <th scope="col">Status</th>
                <th scope="col">Pool</th>
                <th scope="col">Labels</th>
                <th scope="col">Since</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((it) => (
                <tr key={it.id} data-item={it.name}>
                  <td><Link to={`/admin/items/${it.id}`} className="mono">{it.name}</Link></td>
                  <td><span className="sku">{it.product.sku}</span></td>
                  <td><Status value={it.status} /></td>
                  <td>{it.pool ?? '—'}</td>
                  <td>{it.labels.join(', ')}</td>
                  <td><Time value={it.statusChangedAt} /></td>
                  <td className="muted">{it.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={!conn.pageInfo.hasPreviousPage || page <= 1} onClick={() => go(page - 1 > 1 ? { before: conn.pageInfo.startCursor ?? '' } : {}, page - 1)}>
          ← Previous
        </button>
        <span>
          {rows.length > 0 ? `${firstRow.toLocaleString()}–${(firstRow + rows.length - 1).toLocaleString()} of ${conn.totalCount.toLocaleString()}` : ''} · page {page} of {Math.max(1, Math.ceil(conn.totalCount / PAGE)).toLocaleString()}
        </span>
        <button type="button" disabled={!conn.pageInfo.hasNextPage && !search.get('before')} onClick={() => go({ after: conn.pageInfo.endCursor ?? '' }, page + 1)}>
          Next →
        </button>
      </nav>
    </section>
  );
}
