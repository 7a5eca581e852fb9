import { useId, useState, type FormEvent } from 'react';
import { graphql, useFragment, useMutation } from 'react-relay';
import type { LeaseActions_lease$key } from '../__generated__/LeaseActions_lease.graphql';
import type { LeaseActionsExtendMutation } from '../__generated__/LeaseActionsExtendMutation.graphql';
import type { LeaseActionsExpandMutation } from '../__generated__/LeaseActionsExpandMutation.graphql';
import type { LeaseActionsReturnMutation } from '../__generated__/LeaseActionsReturnMutation.graphql';
import { parseDuration } from '../lib/duration';
import { findApiError } from '../lib/errors';
import { ErrorMessage } from './ErrorMessage';
import { Confirm } from './Confirm';

const extendMutation = graphql`
  mutation LeaseActionsExtendMutation($id: ID!, $by: Duration!) {
    extendLease(id: $id, by: $by) { id status endsAt timeLeft duration updatedAt orders { id kind periodStart periodEnd } }
  }
`;
const expandMutation = graphql`
  mutation LeaseActionsExpandMutation($id: ID!, $lines: [LeaseLineInput!]!) {
    expandLease(id: $id, lines: $lines) { id status ...LeaseItems_lease ...LeaseActions_lease orders { id kind periodStart periodEnd } }
  }
`;
const returnMutation = graphql`
  mutation LeaseActionsReturnMutation($id: ID!) {
    returnLease(id: $id) { id status endedAt endsAt timeLeft awaitingApproval statusMessage ...LeaseItems_lease }
  }
`;

type Open = null | 'extend' | 'expand' | 'return';

/** Extend, add items to, and return a lease; each refusal shows the server's rule. */
export function LeaseActions({ lease, onChanged }: { lease: LeaseActions_lease$key; onChanged?: () => void }) {
  const l = useFragment(
    graphql`
      fragment LeaseActions_lease on Lease {
        id
        status
        awaitingApproval
        requested { sku quantity }
        allocations { id item { id product { sku } } }
      }
    `,
    lease,
  );
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [extend, extending] = useMutation<LeaseActionsExtendMutation>(extendMutation);
  const [expand, expanding] = useMutation<LeaseActionsExpandMutation>(expandMutation);
  const [ret, returning] = useMutation<LeaseActionsReturnMutation>(returnMutation);
  const id = useId();
  const [by, setBy] = useState('1d');
  const [byError, setByError] = useState<string | null>(null);
  const skus = [...new Set([...l.allocations.map((a) => a.item.product.sku), ...l.requested.map((r) => r.sku)])];
  const [sku, setSku] = useState(skus[0] ?? '');
  const [qty, setQty] = useState('1');
  const [qtyError, setQtyError] = useState<string | null>(null);
  if (l.status !== 'ACTIVE' && l.status !== 'PENDING') return null;
  const pendingOnly = l.status === 'PENDING';

  const toggle = (o: Open) => {
    setError(null);
    setDone(null);
    setOpen((cur) => (cur === o ? null : o));
  };
  const finish = (msg: string) => {
    setOpen(null);
    setDone(msg);
    onChanged?.();
  };
  const submitExtend = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDuration(by);
    if (!d.ok) {
      setByError(d.error);
      return;
    }
    setByError(null);
    setError(null);
    extend({ variables: { id: l.id, by: d.text }, onCompleted: () => finish(`Extended by ${d.text}.`), onError: setError });
  };
  const submitExpand = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(qty);
    if (!/^\d+$/.test(qty.trim()) || n < 1 || n > 100) {
      setQtyError('Enter a whole number from 1 to 100.');
      return;
    }
    setQtyError(null);
    setError(null);
    expand({ variables: { id: l.id, lines: [{ sku: sku.trim(), quantity: n }] }, onCompleted: () => finish(`Added ${n} × ${sku}.`), onError: setError });
  };
  const policyHint = open === 'extend' && findApiError(error)?.code === 'POLICY_VIOLATION';
  return (
    <div className="lease-actions">
      <div className="buttons" role="group" aria-label="Lease actions">
        {!pendingOnly && (
          <>
            <button type="button" onClick={() => toggle('extend')} aria-expanded={open === 'extend'}>
              Extend
            </button>
            <button type="button" onClick={() => toggle('expand')} aria-expanded={open === 'expand'}>
              Add items
            </button>
          </>
        )}
        <button type="button" className="danger-outline" onClick={() => toggle('return')}>
          {pendingOnly ? 'Withdraw' : 'Return'}
        </button>
      </div>
      {open === 'extend' && (
        <form className="form inline" onSubmit={submitExtend} noValidate>
          <label htmlFor={`${id}-by`}>Extend by</label>
          <input id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)} size={8} aria-invalid={byError ? true : undefined} aria-describedby={`${id}-by-msg`} spellCheck={false} />
          <button type="submit" className="primary" disabled={extending}>
            {extending ? 'Extending…' : 'Extend'}
          </button>
          <span id={`${id}-by-msg`} className={byError ? 'field-error' : 'help'}>
            {byError ?? 'e.g. 1d, 12h'}
          </span>
        </form>
      )}
      {open === 'expand' && (
        <form className="form inline" onSubmit={submitExpand} noValidate>
          <label htmlFor={`${id}-sku`}>Add</label>
          <input id={`${id}-qty`} aria-label="How many" value={qty} onChange={(e) => setQty(e.target.value)} size={3} inputMode="numeric" aria-invalid={qtyError ? true : undefined} />
          <span aria-hidden="true">×</span>
          <input id={`${id}-sku`} list={`${id}-skus`} value={sku} onChange={(e) => setSku(e.target.value)} size={10} spellCheck={false} />
          <datalist id={`${id}-skus`}>
            {skus.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" className="primary" disabled={expanding}>
            {expanding ? 'Adding…' : 'Add items'}
          </button>
          <span className={qtyError ? 'field-error' : 'help'}>{qtyError ?? 'Same end as the lease; all or nothing.'}</span>
        </form>
      )}
      <ErrorMessage error={error} />
      {policyHint && <p className="help">Beyond the policy, a manager of your cost center can extend it for you.</p>}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <Confirm
        open={open === 'return'}
        title={pendingOnly ? 'Withdraw this request?' : 'Return this lease?'}
        confirmLabel={pendingOnly ? 'Withdraw' : 'Return now'}
        danger
        busy={returning}
        onCancel={() => setOpen(null)}
        onConfirm={() =>
          ret({
            variables: { id: l.id },
            onCompleted: () => finish(pendingOnly ? 'Withdrawn.' : 'Returned: the items are being wiped.'),
            onError: (e) => {
              setOpen(null);
              setError(e);
            },
          })
        }
      >
        <p>{pendingOnly ? 'The request is withdrawn.' : `Its ${l.allocations.length} item${l.allocations.length === 1 ? '' : 's'} will be wiped and go back on the shelf. This cannot be undone.`}</p>
      </Confirm>
    </div>
  );
}
