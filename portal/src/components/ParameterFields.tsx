import { useState, type ChangeEvent } from 'react';

/** A product's parameter declaration, as the ProductParameter type gives it. */
export type ParamDecl = {
  readonly name: string;
  readonly type: 'STRING' | 'INTEGER' | 'BOOLEAN' | 'ENUM' | 'SSH_PUBLIC_KEY' | 'SECRET' | '%future added value';
  readonly description?: string | null;
  readonly required: boolean;
  readonly default?: string | null;
  readonly fixed: boolean;
  readonly values?: ReadonlyArray<string> | null;
  readonly min?: number | null;
  readonly max?: number | null;
  readonly maxLength?: number | null;
  readonly pattern?: string | null;
};

/** One field of the form: the name a vend passes (SKU.name for a bundle's component). */
export type ParamField = ParamDecl & { field: string; label: string };

type Component = { readonly product: { readonly sku: string; readonly parameters: ReadonlyArray<ParamDecl> } };

/**
 * The fields of a vend of a product: its own parameters, or for a bundle its components',
 * named SKU.name, with the bundle's defaults and fixed values over the component's.
 */
export function paramFields(own: ReadonlyArray<ParamDecl>, components: ReadonlyArray<Component>): ParamField[] {
  if (components.length === 0) return own.map((d) => ({ ...d, field: d.name, label: d.name }));
  const out: ParamField[] = [];
  for (const c of components) {
    for (const d of c.product.parameters) {
      const field = `${c.product.sku}.${d.name}`;
      const b = own.find((o) => o.name === field);
      out.push({ ...d, field, label: `${d.name} (${c.product.sku})`, default: b?.default ?? d.default, fixed: b?.fixed ?? false });
    }
  }
  return out;
}

/** The initial values: each default, else empty (false for a boolean). */
export function initialParams(fields: ParamField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.field, f.default ?? (f.type === 'BOOLEAN' ? 'false' : '')]));
}

/**
 * Hints before sending: what the declaration says, in words. The server checks every rule
 * again and its answer is authoritative. Returns the errors by field and the values to send
 * (empty optional fields and unchanged fixed ones are left out).
 */
export function checkParams(fields: ParamField[], values: Record<string, string>) {
  const errors: Record<string, string> = {};
  const send: { name: string; value: string }[] = [];
  for (const f of fields) {
    const v = values[f.field] ?? '';
    if (f.fixed) continue;
    if (v.trim() === '') {
      if (f.required) errors[f.field] = 'Required.';
      continue;
    }
    if (f.type === 'INTEGER') {
      if (!/^-?\d+$/.test(v.trim())) errors[f.field] = 'Enter a whole number.';
      else if ((f.min != null && Number(v) < f.min) || (f.max != null && Number(v) > f.max)) errors[f.field] = `Between ${f.min ?? '…'} and ${f.max ?? '…'}.`;
    } else if (f.type === 'STRING') {
      if (f.maxLength != null && [...v].length > f.maxLength) errors[f.field] = `At most ${f.maxLength} characters.`;
      else if (f.pattern) {
        try {
          if (!new RegExp(`^(?:${f.pattern})$`).test(v)) errors[f.field] = `Must match ${f.pattern}.`;
        } catch {
          // The server's regular expressions are Go's; a pattern JavaScript cannot read is checked there.
        }
      }
    } else if (f.type === 'SSH_PUBLIC_KEY' && !/^(ssh-|ecdsa-|sk-)\S+ \S+/.test(v.trim())) {
      errors[f.field] = 'Paste one public key, e.g. the contents of ~/.ssh/id_ed25519.pub.';
    }
    send.push({ name: f.field, value: f.type === 'SSH_PUBLIC_KEY' ? v.trim() : v });
  }
  return { errors, send };
}

/** The parameter form generated from the declaration. */
export function ParameterFields({
  fields,
  values,
  errors,
  idPrefix,
  onChange,
}: {
  fields: ParamField[];
  values: Record<string, string>;
  errors: Record<string, string>;
  idPrefix: string;
  onChange: (field: string, value: string) => void;
}) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      {fields.map((f) => {
        const id = `${idPrefix}-p-${f.field}`;
        const v = values[f.field] ?? '';
        const set = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onChange(f.field, e.target.value);
        const common = { id, name: f.field, disabled: f.fixed, 'aria-invalid': errors[f.field] ? true : undefined, 'aria-describedby': `${id}-msg` };
        let input;
        switch (f.type) {
          case 'ENUM':
            input = (
              <select {...common} value={v} onChange={set}>
                {!f.required && !f.default && <option value="">—</option>}
                {(f.values ?? []).map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </select>
            );
            break;
          case 'BOOLEAN':
            input = <input {...common} type="checkbox" checked={v === 'true'} onChange={(e) => onChange(f.field, e.target.checked ? 'true' : 'false')} />;
            break;
          case 'INTEGER':
            input = <input {...common} type="number" inputMode="numeric" min={f.min ?? undefined} max={f.max ?? undefined} value={v} onChange={set} size={8} />;
            break;
          case 'SECRET':
            input = <input {...common} type="password" autoComplete="new-password" value={v} onChange={set} />;
            break;
          case 'SSH_PUBLIC_KEY':
            input = <textarea {...common} rows={2} cols={48} spellCheck={false} placeholder="ssh-ed25519 AAAA… you@host" value={v} onChange={set} />;
            break;
          default:
            input = <input {...common} value={v} onChange={set} maxLength={f.maxLength ?? undefined} spellCheck={false} />;
        }
        const rule =
          f.type === 'INTEGER' && (f.min != null || f.max != null)
            ? ` · ${f.min ?? '…'}–${f.max ?? '…'}`
            : f.type === 'SECRET' && !f.description
              ? ' · sealed; only you and admins see it'
              : '';
        return (
          <div className="field" key={f.field} data-param={f.field}>
            <label htmlFor={id}>
              {f.label}
              {f.required ? ' *' : ''}
            </label>
            {input}
            <p id={`${id}-msg`} className={errors[f.field] ? 'field-error' : 'help'}>
              {errors[f.field] ?? `${f.description ?? f.type.toLowerCase()}${f.fixed ? ' · set by the bundle' : ''}${rule}`}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A secret the viewer may read, hidden until asked for. */
export function SecretValue({ value }: { value: string }) {
  const [shown, setShown] = useState(false);
  return shown ? (
    <span>{value}</span>
  ) : (
    <button type="button" className="link" onClick={() => setShown(true)}>
      •••••••• show
    </button>
  );
}
