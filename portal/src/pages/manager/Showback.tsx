import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { graphql, useLazyLoadQuery } from 'react-relay';
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement,
} from 'chart.js';
import type { ShowbackQuery, ShowbackQuery$variables, UsageGrouping } from '../../__generated__/ShowbackQuery.graphql';
import { useSeenViewer, useViewer } from '../../viewer';
import { loadToken } from '../../session';
import { money } from '../../lib/money';
import { addMonths, currentMonth, monthStart } from '../../lib/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty } from '../../components/Loading';
import { ApiError } from '../../lib/errors';
import { monthlySeries, totals, type UsageRow } from './showbackData';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement);

// One request per view: the whole period and each of its months (up to 6) are aliases of one
// query; the months past the chosen span are skipped with @include. Six months keep the request
// within the server's budget (a usage report costs 25,000 of 250,000, skipped or not).
const query = graphql`
  query ShowbackQuery($from: Time!, $to: Time!, $groupBy: UsageGrouping!, $f0: Time!, $t0: Time!, $i0: Boolean!, $f1: Time!, $t1: Time!, $i1: Boolean!, $f2: Time!, $t2: Time!, $i2: Boolean!, $f3: Time!, $t3: Time!, $i3: Boolean!, $f4: Time!, $t4: Time!, $i4: Boolean!, $f5: Time!, $t5: Time!, $i5: Boolean!) {
    viewer { id name role costCenter { code } }
    total: usage(from: $from, to: $to, groupBy: $groupBy) { key itemHours cost currency }
    m0: usage(from: $f0, to: $t0, groupBy: $groupBy) @include(if: $i0) { key itemHours cost currency }
    m1: usage(from: $f1, to: $t1, groupBy: $groupBy) @include(if: $i1) { key itemHours cost currency }
    m2: usage(from: $f2, to: $t2, groupBy: $groupBy) @include(if: $i2) { key itemHours cost currency }
    m3: usage(from: $f3, to: $t3, groupBy: $groupBy) @include(if: $i3) { key itemHours cost currency }
    m4: usage(from: $f4, to: $t4, groupBy: $groupBy) @include(if: $i4) { key itemHours cost currency }
    m5: usage(from: $f5, to: $t5, groupBy: $groupBy) @include(if: $i5) { key itemHours cost currency }
  }
`;

export const MAX_MONTHS = 6;

/** The query's variables for `count` months ending with `last` ("2026-12"). */
export function showbackVariables(last: string, count: number, groupBy: UsageGrouping): ShowbackQuery$variables {
  const first = addMonths(last, -(count - 1));
  const v: Record<string, unknown> = { from: monthStart(first), to: monthStart(addMonths(last, 1)), groupBy };
  for (let i = 0; i < MAX_MONTHS; i++) {
    const m = addMonths(first, Math.min(i, count - 1));
    v[`f${i}`] = monthStart(m);
    v[`t${i}`] = monthStart(addMonths(m, 1));
    v[`i${i}`] = i < count;
  }
  return v as ShowbackQuery$variables;
}

const PALETTE = ['#5b21b6', '#0969da', '#1a7f37', '#bf8700', '#cf222e', '#8250df', '#1b7c83', '#9a6700', '#57606a', '#e16f24'];

export default function Showback() {
  const { viewer } = useViewer();
  const [last, setLast] = useState(currentMonth());
  const [count, setCount] = useState(6);
  const [groupBy, setGroupBy] = useState<UsageGrouping>('USER');
  // Keep the current charts on screen while the next period loads.
  const [loading, startTransition] = useTransition();
  const variables = useMemo(() => showbackVariables(last, count, groupBy), [last, count, groupBy]);
  const data = useLazyLoadQuery<ShowbackQuery>(query, variables, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const months = useMemo(() => Array.from({ length: count }, (_, i) => addMonths(last, i - (count - 1))), [last, count]);
  const perMonth = useMemo(() => {
    const d = data as unknown as Record<string, readonly UsageRow[] | undefined>;
    return months.map((_, i) => d[`m${i}`] ?? []);
  }, [data, months]);
  const series = useMemo(() => monthlySeries(perMonth), [perMonth]);
  const rows = useMemo(() => totals(data.total), [data.total]);
  const currency = rows[0]?.currency ?? 'USD';
  return (
    <section>
      <div className="page-head">
        <h1>Showback</h1>
        <p className="muted">Item-hours and cost {viewer.role === 'ADMIN' ? 'for everyone' : viewer.role === 'MANAGER' ? `for cost center ${viewer.costCenter ?? ''}` : 'of your leases'}</p>
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Up to month
          <input type="month" value={last} onChange={(e) => { const v = e.target.value; if (v) startTransition(() => setLast(v)); }} required />
        </label>
        <label>
          Months
          <select value={count} onChange={(e) => { const v = Number(e.target.value); startTransition(() => setCount(v)); }}>
            {[1, 3, 6].map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Per
          <select value={groupBy} onChange={(e) => { const v = e.target.value as UsageGrouping; startTransition(() => setGroupBy(v)); }}>
            <option value="USER">user</option>
            <option value="PRODUCT">product</option>
            {viewer.role === 'ADMIN' && <option value="COST_CENTER">cost center</option>}
          </select>
        </label>
        <CsvDownload from={variables.from} to={variables.to} groupBy={groupBy} />
        {loading && <span className="muted" role="status">Loading…</span>}
      </form>
      {rows.length === 0 ? (
        <Empty>No usage in this period.</Empty>
      ) : (
        <>
          <div className="grid2 wide-left">
            <div className="panel">
              <h2>Cost per month</h2>
              <BarChart months={months} series={series} currency={currency} />
            </div>
            <div className="panel">
              <h2>Breakdown</h2>
              <Doughnut rows={rows} currency={currency} />
            </div>
          </div>
          <div className="table-wrap" style={{ marginTop: '1rem' }}>
            <table aria-label="Usage in the period">
              <thead>
                <tr>
                  <th scope="col">{groupBy === 'USER' ? 'User' : groupBy === 'PRODUCT' ? 'Product' : 'Cost center'}</th>
                  <th scope="col" className="num">Item-hours</th>
                  <th scope="col" className="num">Cost</th>
                  <th scope="col" className="num">Share</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key + r.currency}>
                    <td>{r.key}</td>
                    <td className="num">{r.itemHours.toFixed(1)}</td>
                    <td className="num">{money(r.cost, r.currency)}</td>
                    <td className="num">{r.share.toFixed(1)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function BarChart({ months, series, currency }: { months: string[]; series: ReturnType<typeof monthlySeries>; currency: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, {
      type: 'bar',
      data: {
        labels: months,
        datasets: series.map((s, i) => ({ label: s.key, data: s.values.map((v) => v / 100), backgroundColor: PALETTE[i % PALETTE.length], stack: 'cost' })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: (v) => money(Number(v) * 100, currency) } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(Number(c.raw) * 100, currency)}` } } },
      },
    });
    return () => chart.destroy();
  }, [months, series, currency]);
  const summary = series.map((s) => `${s.key}: ${s.values.map((v, i) => `${months[i]} ${money(v, currency)}`).join(', ')}`).join('; ');
  return (
    <div className="chart-box">
      <canvas ref={ref} role="img" aria-label={`Stacked bars of cost per month. ${summary}`} data-chart="monthly" />
    </div>
  );
}

function Doughnut({ rows, currency }: { rows: ReturnType<typeof totals>; currency: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, {
      type: 'doughnut',
      data: { labels: rows.map((r) => r.key), datasets: [{ data: rows.map((r) => r.cost / 100), backgroundColor: rows.map((_, i) => PALETTE[i % PALETTE.length]) }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.label}: ${money(Number(c.raw) * 100, currency)}` } } },
      },
    });
    return () => chart.destroy();
  }, [rows, currency]);
  return (
    <div className="chart-box small">
      <canvas ref={ref} role="img" aria-label={`Share of cost: ${rows.map((r) => `${r.key} ${r.share.toFixed(0)}%`).join(', ')}`} data-chart="breakdown" />
    </div>
  );
}

/** Downloads the same report as CSV: fetched with the token in a header, never in the link. */
function CsvDownload({ from, to, groupBy }: { from: string; to: string; groupBy: UsageGrouping }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ from, to, groupBy });
      const res = await fetch(`/reports/usage.csv?${q}`, { headers: { Authorization: `Bearer ${loadToken() ?? ''}` }, credentials: 'omit' });
      if (!res.ok) {
        const j = await res.json().catch(() => null);
        throw j?.errors?.[0] ? ApiError.from(j.errors[0]) : j?.error ? new ApiError(j.code ?? 'INTERNAL', j.error) : new ApiError('INTERNAL', `The server answered ${res.status}.`);
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `usage-${from.slice(0, 7)}-to-${to.slice(0, 7)}-${groupBy.toLowerCase()}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" onClick={download} disabled={busy}>
        {busy ? 'Preparing…' : 'Download CSV'}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
