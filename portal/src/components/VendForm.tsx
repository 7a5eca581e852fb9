import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { humanDuration, parseDuration, seconds } from '../lib/duration';
import { ParameterFields, checkParams, initialParams, type ParamField } from './ParameterFields';

export type VendPolicy = {
  defaultDuration: string | null | undefined;
  minDuration: string | null | undefined;
  maxDuration: string | null | undefined;
  available: number;
};

export type VendValues = { quantity: string; duration: string; note: string };
export type VendErrors = Partial<Record<keyof VendValues, string>>;
export type VendRequest = { quantity: number; duration: string; note: string | null; parameters?: { name: string; value: string }[] };

/** Fallback when a product names no default duration. */
export const FALLBACK_DURATION = '1d';

/** Checks a vend before it is sent: the rules the product states, in words. */
export function validateVend(v: VendValues, policy: VendPolicy): { errors: VendErrors; request?: VendRequest } {
  const errors: VendErrors = {};
  const q = Number(v.quantity);
  if (!/^\d+$/.test(v.quantity.trim()) || q < 1) errors.quantity = 'Enter a whole number, at least 1.';
  else if (q > 100) errors.quantity = 'At most 100 at once.';
  else if (q > policy.available) errors.quantity = policy.available === 0 ? 'None is available right now.' : `Only ${policy.available} available right now.`;
  const d = parseDuration(v.duration);
  if (!d.ok) errors.duration = d.error;
  else {
    const max = seconds(policy.maxDuration);
    const min = seconds(policy.minDuration);
    if (Number.isFinite(max) && d.seconds > max) errors.duration = `A lease of this product lasts at most ${humanDuration(max)}.`;
    else if (Number.isFinite(min) && d.seconds < min) errors.duration = `A lease of this product lasts at least ${humanDuration(min)}.`;
  }
  if (v.note.length > 500) errors.note = 'At most 500 characters.';
  if (Object.keys(errors).length > 0 || !d.ok) return { errors };
  return { errors, request: { quantity: q, duration: d.text, note: v.note.trim() || null } };
}

/** The vend form: quantity, duration (the product's default prefilled) and a note. */
export function VendForm({
  policy,
  bundle,
  busy,
  onVend,
  onPreview,
  children,
  parameters = [],
}: {
  policy: VendPolicy;
  bundle: boolean;
  busy: boolean;
  onVend: (r: VendRequest) => void;
  /** When given, a Preview button asks for a dry run of the same request. */
  onPreview?: (r: VendRequest) => void;
  /** More fields of the vend (its constraints), shown before the buttons. */
  children?: ReactNode;
  /** The product's parameter fields (see paramFields). */
  parameters?: ParamField[];
}) {
  const [params, setParams] = useState<Record<string, string>>(() => initialParams(parameters));
  const [paramErrors, setParamErrors] = useState<Record<string, string>>({});
  const [values, setValues] = useState<VendValues>({ quantity: '1', duration: policy.defaultDuration ?? FALLBACK_DURATION, note: '' });
  const [errors, setErrors] = useState<VendErrors>({});
  const id = useId();
  const set = (k: keyof VendValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const check = (then: (r: VendRequest) => void, stock = true) => {
    // A preview is allowed beyond what is available: it says how many items match.
    const r = validateVend(values, stock ? policy : { ...policy, available: 100 });
    const pc = checkParams(parameters, params);
    setErrors(r.errors);
    setParamErrors(pc.errors);
    const firstParam = Object.keys(pc.errors)[0];
    if (r.request && !firstParam) then(parameters.length > 0 ? { ...r.request, parameters: pc.send } : r.request);
    else if (!r.request) document.getElementById(`${id}-${Object.keys(r.errors)[0]}`)?.focus();
    else document.getElementById(`${id}-p-${firstParam}`)?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check(onVend);
  };
  const field = (k: keyof VendValues) => ({
    id: `${id}-${k}`,
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': `${id}-${k}-msg`,
  });
  const max = seconds(policy.maxDuration);
  return (
    <form onSubmit={submit} className="form vend-form" noValidate aria-label="Vend">
      <div className="field">
        <label htmlFor={`${id}-quantity`}>{bundle ? 'Bundles' : 'Quantity'}</label>
        <input {...field('quantity')} inputMode="numeric" value={values.quantity} onChange={set('quantity')} size={4} />
        <p id={`${id}-quantity-msg`} className={errors.quantity ? 'field-error' : 'help'}>
          {errors.quantity ?? `${policy.available} available`}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-duration`}>Duration</label>
        <input {...field('duration')} value={values.duration} onChange={set('duration')} size={8} spellCheck={false} />
        <p id={`${id}-duration-msg`} className={errors.duration ? 'field-error' : 'help'}>
          {errors.duration ?? `e.g. 7d, 36h, 1d12h${Number.isFinite(max) ? ` · at most ${humanDuration(max)}` : ''}`}
        </p>
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input {...field('note')} value={values.note} onChange={set('note')} placeholder="What it is for" />
        <p id={`${id}-note-msg`} className={errors.note ? 'field-error' : 'help'}>
          {errors.note ?? 'Shown on the lease and to approvers.'}
        </p>
      </div>
      <ParameterFields fields={parameters} values={params} errors={paramErrors} idPrefix={id} onChange={(f, v) => {
          setParams((p) => ({ ...p, [f]: v }));
          setParamErrors(({ [f]: _, ...rest }) => rest);
        }} />
      {children}
      <div className={onPreview ? 'field vend-buttons' : 'field'}>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Vending…' : 'Vend'}
        </button>
        {onPreview && (
          <button type="button" onClick={() => check(onPreview, false)} disabled={busy}>
            Preview
          </button>
        )}
      </div>
    </form>
  );
}
