import { useState, useTransition, type FormEvent } from 'react';
import { graphql, useLazyLoadQuery } from 'react-relay';
import type { BillsQuery } from '../../__generated__/BillsQuery.graphql';
import { useSeenViewer, useViewer } from '../../viewer';
import { Link } from '../../router';
import { money } from '../../lib/money';
import { currentMonth } from '../../lib/time';
import { Empty } from '../../components/Loading';

const query = graphql`
  query BillsQuery($costCenter: String, $month: String) {
    viewer { id name role costCenter { code } }
    bills(costCenter: $costCenter, month: $month) {
      id month definitive total currency
      costCenter { id code name }
      lines { itemHours amount product { id sku name } lease { id owner { id name } } }
    }
  }
`;

export default function Bills() {
  const { viewer } = useViewer();
  const [month, setMonth] = useState(currentMonth());
  const [costCenter, setCostCenter] = useState<string | null>(null);
  const [ccInput, setCcInput] = useState('');
  const [loading, startTransition] = useTransition();
  const data = useLazyLoadQuery<BillsQuery>(query, { month, costCenter }, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const submitCc = (e: FormEvent) => {
    e.preventDefault();
    const v = ccInput.trim().toUpperCase();
    startTransition(() => setCostCenter(v || null));
  };
  return (
    <section>
      <div className="page-head">
        <h1>Bills</h1>
        <p className="muted">Per cost center and month: a live draft until the month is closed, then definitive.</p>
      </div>
      <form className="filters" onSubmit={submitCc}>
        <label>
          Month
          <input type="month" value={month} onChange={(e) => { const v = e.target.value; if (v) startTransition(() => setMonth(v)); }} required />
        </label>
        {viewer.role === 'ADMIN' && (
          <>
            <label>
              Cost center
              <input value={ccInput} onChange={(e) => setCcInput(e.target.value)} placeholder={viewer.costCenter ?? 'code'} size={10} />
            </label>
            <button type="submit">Show</button>
          </>
        )}
        {loading && <span className="muted" role="status">Loading…</span>}
      </form>
      {data.bills.length === 0 ? (
        <Empty>No bill for {month}: nothing was leased.</Empty>
      ) : (
        data.bills.map((b) => (
          <div className="panel" key={`${b.costCenter.code}-${b.currency}`} data-bill={b.month}>
            <div className="page-head">
              <h2>
                {b.costCenter.code} · {b.month} · {b.currency}
              </h2>
              <span className={`badge ${b.definitive ? 'badge-active' : 'badge-pending'}`}>{b.definitive ? 'Definitive' : 'Draft'}</span>
              <strong className="total">{money(b.total, b.currency)}</strong>
            </div>
            {b.lines.length === 0 ? (
              <Empty>No lines.</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Lease</th>
                    <th scope="col">Who</th>
                    <th scope="col" className="num">Item-hours</th>
                    <th scope="col" className="num">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {b.lines.map((l, i) => (
                    <tr key={i}>
                      <td>
                        <span className="sku">{l.product.sku}</span> {l.product.name}
                      </td>
                      <td>{l.lease ? <Link to={`/leases/${l.lease.id}`}>{l.lease.id}</Link> : '—'}</td>
                      <td>{l.lease?.owner.name ?? '—'}</td>
                      <td className="num">{l.itemHours.toFixed(1)}</td>
                      <td className="num">{money(l.amount, b.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))
      )}
    </section>
  );
}
