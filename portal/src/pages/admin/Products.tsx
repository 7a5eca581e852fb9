import { useState } from 'react';
import { graphql, useLazyLoadQuery, useMutation } from 'react-relay';
import type { ProductsQuery } from '../../__generated__/ProductsQuery.graphql';
import type { ProductsRetireMutation } from '../../__generated__/ProductsRetireMutation.graphql';
import { useSeenViewer } from '../../viewer';
import { Link } from '../../router';
import { money } from '../../lib/money';
import { humanDuration, seconds } from '../../lib/duration';
import { Confirm } from '../../components/Confirm';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Time } from '../../components/Time';

const query = graphql`
  query ProductsQuery {
    viewer { id name role costCenter { code } }
    products(first: 500, includeRetired: true, includeCustom: true, orderBy: { field: SKU, direction: ASC }) {
      totalCount
      edges {
        node {
          id sku name pricePerDay currency defaultDuration maxDuration requiresApproval retired retiredAt custom expiresAt
          components { id quantity product { id sku } }
        }
      }
    }
    availability { sku available leased }
  }
`;

const retire = graphql`
  mutation ProductsRetireMutation($id: ID!) {
    retireProduct(id: $id) { id retired retiredAt }
  }
`;

export default function Products() {
  const data = useLazyLoadQuery<ProductsQuery>(query, {}, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const [doRetire, retiring] = useMutation<ProductsRetireMutation>(retire);
  const [confirm, setConfirm] = useState<{ id: string; sku: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const avail = new Map(data.availability.map((a) => [a.sku, a]));
  const rows = (data.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <section>
      <div className="page-head">
        <h1>Products</h1>
        <p className="muted">{data.products.totalCount} including retired and custom</p>
        <Link to="/admin/catalog/new" className="button">
          New product
        </Link>
      </div>
      <ErrorMessage error={error} />
      {done && <p className="ok" role="status">{done}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Per day</th>
              <th scope="col">Lease</th>
              <th scope="col">Stock</th>
              <th scope="col">State</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-product={p.sku}>
                <td><span className="sku">{p.sku}</span></td>
                <td>
                  {p.name}
                  {p.components.length > 0 && <div className="muted">bundle: {p.components.map((c) => `${c.quantity} × ${c.product.sku}`).join(' + ')}</div>}
                </td>
                <td className="num">{money(p.pricePerDay, p.currency)}</td>
                <td>
                  {p.defaultDuration ? humanDuration(seconds(p.defaultDuration)) : '—'} / max {p.maxDuration ? humanDuration(seconds(p.maxDuration)) : '—'}
                  {p.requiresApproval && <div className="muted">needs approval</div>}
                </td>
                <td>{avail.get(p.sku) ? `${avail.get(p.sku)!.available} free · ${avail.get(p.sku)!.leased} leased` : '—'}</td>
                <td>
                  {p.retired ? (
                    <span className="badge badge-archived">Retired</span>
                  ) : p.custom ? (
                    <span className="badge badge-pending">Custom{p.expiresAt ? <> until <Time value={p.expiresAt} /></> : ''}</span>
                  ) : (
                    <span className="badge badge-active">In catalog</span>
                  )}
                </td>
                <td>
                  <div className="buttons">
                    <Link to={`/admin/catalog/${encodeURIComponent(p.sku)}`} aria-label={`Edit ${p.sku}`}>Edit</Link>
                    {!p.retired && (
                      <button type="button" className="small danger-outline" onClick={() => setConfirm({ id: p.id, sku: p.sku })} aria-label={`Retire ${p.sku}`}>
                        Retire
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Confirm
        open={!!confirm}
        title={`Retire ${confirm?.sku}?`}
        confirmLabel="Retire"
        danger
        busy={retiring}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          confirm &&
          doRetire({
            variables: { id: confirm.id },
            onCompleted: () => {
              setDone(`${confirm.sku} is retired: it stays for history and orders but can no longer be vended or stocked.`);
              setConfirm(null);
            },
            onError: (e) => {
              setError(e);
              setConfirm(null);
            },
          })
        }
      >
        <p>It leaves the catalog. Orders and history keep it; it cannot be vended or stocked again.</p>
      </Confirm>
    </section>
  );
}
