import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { graphql, useLazyLoadQuery, useMutation } from 'react-relay';
import type { ProductEditQuery } from '../../__generated__/ProductEditQuery.graphql';
import type { ProductEditCreateMutation } from '../../__generated__/ProductEditCreateMutation.graphql';
import type { ProductEditUpdateMutation } from '../../__generated__/ProductEditUpdateMutation.graphql';
import { useSeenViewer } from '../../viewer';
import { Link, useRouter } from '../../router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { emptyProduct, validateProduct, type ProductErrors, type ProductValues } from '../../lib/productForm';

const query = graphql`
  query ProductEditQuery($sku: String!, $editing: Boolean!) {
    viewer { id name role costCenter { code } }
    product(sku: $sku) @include(if: $editing) {
      id sku name description pricePerDay currency
      defaultDuration minDuration maxDuration maxLifetime
      requiresApproval extensionRequiresApproval retired
      attributes { key value }
      components { id quantity product { id sku } }
      parameters { name type description required default fixed values min max maxLength pattern }
    }
  }
`;

const create = graphql`
  mutation ProductEditCreateMutation($input: CreateProductInput!) {
    createProduct(input: $input) { id sku }
  }
`;
const update = graphql`
  mutation ProductEditUpdateMutation($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      id sku name description pricePerDay defaultDuration minDuration maxDuration maxLifetime requiresApproval extensionRequiresApproval
      attributes { key value }
      parameters { name type description required default fixed values min max maxLength pattern }
    }
  }
`;

export default function ProductEdit({ params }: { params: Record<string, string> }) {
  const editing = !!params.sku;
  const data = useLazyLoadQuery<ProductEditQuery>(query, { sku: params.sku ?? '', editing }, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  if (editing && !data.product) {
    return (
      <section>
        <h1>No product {params.sku}</h1>
        <Link to="/admin/catalog">Products</Link>
      </section>
    );
  }
  const p = data.product;
  const initial: ProductValues = p
    ? {
        sku: p.sku,
        name: p.name,
        description: p.description ?? '',
        price: (p.pricePerDay / 100).toFixed(2),
        currency: p.currency,
        defaultDuration: p.defaultDuration ?? '',
        minDuration: p.minDuration ?? '',
        maxDuration: p.maxDuration ?? '',
        maxLifetime: p.maxLifetime ?? '',
        requiresApproval: p.requiresApproval,
        extensionRequiresApproval: p.extensionRequiresApproval,
        attributes: p.attributes.map((a) => `${a.key}=${a.value}`).join('\n'),
        components: p.components.map((c) => ({ sku: c.product.sku, quantity: String(c.quantity) })),
      }
    : emptyProduct;
  const declared = p && p.parameters.length > 0 ? JSON.stringify(p.parameters.map(compact), null, 2) : '';
  return <Form key={p?.id ?? 'new'} id={p?.id ?? null} initial={initial} initialParams={declared} />;
}

/** A declaration without its null fields, as an admin would write it. */
function compact(d: object) {
  return Object.fromEntries(Object.entries(d).filter(([k, x]) => x !== null && !(k === 'required' && x === false) && !(k === 'fixed' && x === false)));
}

/** Reads the parameters textarea: a JSON list of declarations; the server checks each rule. */
function parseParameters(text: string): { value?: unknown[]; error?: string } {
  if (text.trim() === '') return { value: [] };
  try {
    const v: unknown = JSON.parse(text);
    if (!Array.isArray(v) || v.some((d) => typeof d !== 'object' || d === null || Array.isArray(d))) return { error: 'A JSON list of objects: [{"name": "image", "type": "ENUM", "values": [...]}].' };
    return { value: v };
  } catch (e) {
    return { error: `Not JSON: ${(e as Error).message}` };
  }
}

function Form({ id: productId, initial, initialParams }: { id: string | null; initial: ProductValues; initialParams: string }) {
  const [paramsText, setParamsText] = useState(initialParams);
  const [paramsError, setParamsError] = useState<string | null>(null);
  const creating = productId === null;
  const { navigate } = useRouter();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<ProductErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [doCreate, creatingBusy] = useMutation<ProductEditCreateMutation>(create);
  const [doUpdate, updatingBusy] = useMutation<ProductEditUpdateMutation>(update);
  const uid = useId();
  const set = <K extends keyof ProductValues>(k: K, val: ProductValues[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = validateProduct(v, creating);
    setErrors(r.errors);
    const pp = parseParameters(paramsText);
    setParamsError(pp.error ?? null);
    if (r.input && pp.error) {
      document.getElementById(`${uid}-parameters`)?.focus();
      return;
    }
    if (!r.input) {
      document.getElementById(`${uid}-${Object.keys(r.errors)[0]}`)?.focus();
      return;
    }
    setError(null);
    if (creating) {
      const input = pp.value!.length > 0 ? { ...r.input, parameters: pp.value } : r.input;
      doCreate({ variables: { input: input as never }, onCompleted: (res) => navigate(`/catalog/${encodeURIComponent(res.createProduct.sku)}`), onError: setError });
    } else {
      const { sku: _s, currency: _c, components: _k, ...rest } = r.input;
      void _s; void _c; void _k;
      // Unset durations are left as they are: the API changes only what it is given.
      const input: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== null));
      // The declaration is replaced as a whole, and only when it was edited.
      if (paramsText !== initialParams) input.parameters = pp.value;
      doUpdate({ variables: { id: productId!, input }, onCompleted: () => setSaved(true), onError: setError });
    }
  };
  const field = (k: keyof ProductValues, label: string, control: ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      {control}
      <p id={`${uid}-${k}-msg`} className={errors[k] ? 'field-error' : 'help'}>
        {errors[k] ?? help ?? ''}
      </p>
    </div>
  );
  const text = (k: keyof ProductValues, extra: Record<string, unknown> = {}) => (
    <input
      id={`${uid}-${k}`}
      value={v[k] as string}
      onChange={(e) => set(k, e.target.value as never)}
      aria-invalid={errors[k] ? true : undefined}
      aria-describedby={`${uid}-${k}-msg`}
      spellCheck={false}
      {...extra}
    />
  );
  return (
    <section>
      <p className="crumbs">
        <Link to="/admin/catalog">Products</Link> › {creating ? 'New' : v.sku}
      </p>
      <h1>{creating ? 'New product' : `Edit ${v.sku}`}</h1>
      <form className="panel form stack" onSubmit={submit} noValidate>
        <div className="row">
          {field('sku', 'SKU', text('sku', { disabled: !creating, size: 12 }), creating ? '[tier][type].[size], e.g. 4D.medium' : 'A SKU cannot change.')}
          <div className="field grow">
            <label htmlFor={`${uid}-name`}>Name</label>
            {text('name')}
            <p id={`${uid}-name-msg`} className={errors.name ? 'field-error' : 'help'}>{errors.name ?? ''}</p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-description`}>Description</label>
          <textarea id={`${uid}-description`} rows={2} value={v.description} onChange={(e) => set('description', e.target.value)} />
        </div>
        <div className="row">
          {field('price', 'Price per day', text('price', { inputMode: 'decimal', size: 8 }), 'in the currency, e.g. 45.00')}
          {field('currency', 'Currency', text('currency', { disabled: !creating, size: 4 }), creating ? 'ISO 4217' : 'Cannot change.')}
          {field('defaultDuration', 'Default duration', text('defaultDuration', { size: 6 }), 'e.g. 7d')}
          {field('minDuration', 'Shortest', text('minDuration', { size: 6 }), 'optional')}
          {field('maxDuration', 'Longest lease', text('maxDuration', { size: 6 }))}
          {field('maxLifetime', 'Longest with extensions', text('maxLifetime', { size: 6 }))}
        </div>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={v.requiresApproval} onChange={(e) => set('requiresApproval', e.target.checked)} /> Vending needs approval
          </label>
          <label className="check">
            <input type="checkbox" checked={v.extensionRequiresApproval} onChange={(e) => set('extensionRequiresApproval', e.target.checked)} /> Extending needs approval
          </label>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-attributes`}>Attributes</label>
          <textarea id={`${uid}-attributes`} rows={4} value={v.attributes} onChange={(e) => set('attributes', e.target.value)} aria-invalid={errors.attributes ? true : undefined} aria-describedby={`${uid}-attributes-msg`} placeholder={'ram_gb=256\nstorage_gb=2000'} />
          <p id={`${uid}-attributes-msg`} className={errors.attributes ? 'field-error' : 'help'}>{errors.attributes ?? 'One key=value per line.'}</p>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-parameters`}>Parameters</label>
          <textarea id={`${uid}-parameters`} rows={6} value={paramsText} onChange={(e) => setParamsText(e.target.value)} spellCheck={false} className="mono" aria-invalid={paramsError ? true : undefined} aria-describedby={`${uid}-parameters-msg`} placeholder={'[{"name": "image", "type": "ENUM", "values": ["ubuntu-24.04", "debian-12"], "default": "ubuntu-24.04"},\n {"name": "ssh_key", "type": "SSH_PUBLIC_KEY", "required": true}]'} />
          <p id={`${uid}-parameters-msg`} className={paramsError ? 'field-error' : 'help'}>
            {paramsError ?? 'What a vend may or must pass, as JSON: name, type (STRING, INTEGER, BOOLEAN, ENUM, SSH_PUBLIC_KEY, SECRET), required or default, values, min/max, maxLength/pattern, description; a bundle names its components’ as SKU.name with a default or "fixed": true.'}
          </p>
        </div>
        <fieldset className="field components" disabled={!creating}>
          <legend>Bundle components {creating ? '(leave empty for a plain product)' : '(cannot change)'}</legend>
          {v.components.map((c, i) => (
            <div className="row" key={i}>
              <input aria-label={`Component ${i + 1} quantity`} value={c.quantity} size={3} onChange={(e) => set('components', v.components.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))} />
              <span aria-hidden="true">×</span>
              <input aria-label={`Component ${i + 1} SKU`} value={c.sku} size={12} onChange={(e) => set('components', v.components.map((x, j) => (j === i ? { ...x, sku: e.target.value } : x)))} />
              <button type="button" className="small" onClick={() => set('components', v.components.filter((_, j) => j !== i))} aria-label={`Remove component ${i + 1}`}>
                Remove
              </button>
            </div>
          ))}
          {creating && (
            <div>
              <button type="button" className="small" onClick={() => set('components', [...v.components, { sku: '', quantity: '1' }])}>
                Add a component
              </button>
            </div>
          )}
          <p id={`${uid}-components`} className={errors.components ? 'field-error' : 'help'} tabIndex={-1}>{errors.components ?? ''}</p>
        </fieldset>
        <div className="buttons">
          <button type="submit" className="primary" disabled={creatingBusy || updatingBusy}>
            {creatingBusy || updatingBusy ? 'Saving…' : creating ? 'Create product' : 'Save changes'}
          </button>
          <Link to="/admin/catalog">Cancel</Link>
        </div>
        <ErrorMessage error={error} />
        {saved && <p className="ok" role="status">Saved.</p>}
      </form>
    </section>
  );
}
