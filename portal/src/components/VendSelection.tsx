import { useId, useState } from 'react';
import { fetchQuery, graphql, useRelayEnvironment } from 'react-relay';
import type { VendSelectionPreviewQuery, VendSelectionPreviewQuery$data } from '../__generated__/VendSelectionPreviewQuery.graphql';
import { money } from '../lib/money';
import { ErrorMessage } from './ErrorMessage';
import type { VendRequest } from './VendForm';

/** A vend's optional constraints on which items it takes. */
export type Selection = { pool: string; labels: string; notLabels: string };

export const NO_SELECTION: Selection = { pool: '', labels: '', notLabels: '' };

/** Splits "gpu, rack=a12  nic=25g" into labels. */
export function splitLabels(s: string): string[] {
  return s.split(/[\s,]+/).map((l) => l.trim()).filter((l) => l !== '');
}

/** The selection as the fields of a vend line; empty ones are left out. */
export function selectionInput(s: Selection): { pool?: string; labels?: string[]; notLabels?: string[] } {
  const out: { pool?: string; labels?: string[]; notLabels?: string[] } = {};
  if (s.pool.trim()) out.pool = s.pool.trim();
  const labels = splitLabels(s.labels);
  const not = splitLabels(s.notLabels);
  if (labels.length > 0) out.labels = labels;
  if (not.length > 0) out.notLabels = not;
  return out;
}

const previewQuery = graphql`
  query VendSelectionPreviewQuery($input: VendInput!) {
    vendPreview(input: $input) {
      duration requiresApproval vendable message
      totals { amount currency }
      lines { sku quantity picked pool labels notLabels matching available price currency product { name } }
    }
  }
`;

/** Pool and label fields for a vend, and a dry-run preview of what it would take and cost. */
export function VendSelection({ value, onChange }: { value: Selection; onChange: (s: Selection) => void }) {
  const id = useId();
  const set = (k: keyof Selection) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <fieldset className="form vend-selection" aria-label="Constraints">
      <legend>Which items (optional)</legend>
      <div className="field">
        <label htmlFor={`${id}-pool`}>Pool</label>
        <input id={`${id}-pool`} value={value.pool} onChange={set('pool')} size={10} spellCheck={false} placeholder="any pool" />
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-labels`}>With labels</label>
        <input id={`${id}-labels`} value={value.labels} onChange={set('labels')} spellCheck={false} placeholder="gpu nic=25g" />
        <p className="help">All must match; bare words or key=value.</p>
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-not`}>Without labels</label>
        <input id={`${id}-not`} value={value.notLabels} onChange={set('notLabels')} spellCheck={false} placeholder="broken" />
      </div>
    </fieldset>
  );
}

type PreviewData = VendSelectionPreviewQuery$data['vendPreview'];

/** Runs the dry run of a vend and shows its answer: the products, matching items, the price. */
export function usePreview(sku: string, selection: Selection) {
  const env = useRelayEnvironment();
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = (r: VendRequest) => {
    setBusy(true);
    setError(null);
    fetchQuery<VendSelectionPreviewQuery>(env, previewQuery,
      { input: { lines: [{ sku, quantity: r.quantity, ...selectionInput(selection) }], duration: r.duration } },
      { fetchPolicy: 'network-only' }).subscribe({
      next: (d) => setPreview(d.vendPreview),
      error: (e: unknown) => {
        setBusy(false);
        setPreview(null);
        setError(e);
      },
      complete: () => setBusy(false),
    });
  };
  return { preview, error, busy, run, clear: () => setPreview(null) };
}

export function PreviewPanel({ preview, error }: { preview: PreviewData | null; error: unknown }) {
  if (error) return <ErrorMessage error={error} />;
  if (!preview) return null;
  return (
    <div className={`panel preview ${preview.vendable ? 'preview-ok' : 'preview-short'}`} aria-live="polite" data-testid="vend-preview">
      <h3>Preview: nothing was vended</h3>
      <table className="table">
        <thead>
          <tr><th>Product</th><th>Quantity</th><th>Matching</th><th>Free</th><th>Constraints</th><th>Price</th></tr>
        </thead>
        <tbody>
          {preview.lines.map((l, i) => (
            <tr key={i}>
              <td><span className="sku">{l.sku}</span> {l.product.name}{l.picked ? ' (picked)' : ''}</td>
              <td>{l.quantity}</td>
              <td data-matching={l.matching}>{l.matching}</td>
              <td>{l.available}</td>
              <td>{[l.pool ? `pool ${l.pool}` : '', ...l.labels, ...l.notLabels.map((n) => `not ${n}`)].filter(Boolean).join(', ') || '—'}</td>
              <td>{money(l.price, l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        For {preview.duration}: <strong data-testid="preview-total">{preview.totals.map((t) => money(t.amount, t.currency)).join(' + ')}</strong>
        {preview.requiresApproval && ' · needs a manager’s approval'}
      </p>
      <p className={preview.vendable ? 'help' : 'error'}>{preview.vendable ? 'Vendable now.' : preview.message}</p>
    </div>
  );
}
