import { useId, useState, type FormEvent } from 'react';
import { graphql, useFragment, useMutation } from 'react-relay';
import type { LeaseActions_lease$key } from '../__generated__/LeaseActions_lease.graphql';
import type { LeaseActionsExtendMutation } from '../__generated__/LeaseActionsExtendMutation.graphql';
import type { LeaseActionsExpandMutation } from '../__generated__/LeaseActionsExpandMutation.graphql';
import type { LeaseActionsReturnMutation } from '../__generated__/LeaseActionsReturnMutation.graphql';
import { humanDuration, parseDuration, seconds } from '../lib/duration';
import { Time } from './Time';
import { findApiError } from '../lib/errors';
import { ErrorMessage } from './ErrorMessage';
import { Confirm } from './Confirm';

const extendMutation = graphql`
  mutation LeaseActionsExtendMutation($id: ID!, $by: Duration!) {
    extendLease(id: $id, by: $by) { id status endsAt timeLeft duration updatedAt orders { id kind periodStart periodEnd } openExtensionRequest { id } ...LeaseActions_lease }
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

type Lease = { readonly id: string; readonly allocations: readonly unknown[]; readonly skus: string[]; readonly pendingOnly: boolean };
type Done = { finish: (msg: string) => void; fail: (e: unknown) => void; error: unknown };

/**
 * Extend, add items to, and return a lease; each refusal shows the server's rule. A card mounts
 * only its buttons: a form (and its mutation) exists while it is open, so a list of fifty leases
 * renders fast.
 */
export function LeaseActions({ lease, onChanged }: { lease: LeaseActions_lease$key; onChanged?: () => void }) {
  const l = useFragment(
    graphql`
      fragment LeaseActions_lease on Lease {
        id
        status
        awaitingApproval
        requested { sku quantity }
        allocations { id item { id product { sku } } }
        openExtensionRequest { id by createdAt }
      }
    `,
    lease,
  );
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (l.status !== 'ACTIVE' && l.status !== 'PENDING' && l.status !== 'QUEUED') return null;
  // Nothing held yet (awaiting approval, or QUEUED on the waiting list): it can only be withdrawn.
  const pendingOnly = l.status === 'PENDING' || l.status === 'QUEUED';
  const lease2: Lease = {
    id: l.id,
    allocations: l.allocations,
    skus: [...new Set([...l.allocations.map((a) => a.item.product.sku), ...l.requested.map((r) => r.sku)])],
    pendingOnly,
  };

  const toggle = (o: Open) => {
    setError(null);
    setDone(null);
    setOpen((cur) => (cur === o ? null : o));
  };
  const ctl: Done = {
    error,
    finish: (msg) => {
      setOpen(null);
      setDone(msg);
      onChanged?.();
    },
    fail: setError,
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
      {l.openExtensionRequest && (
        <p className="notice" role="status" data-extension-request={l.openExtensionRequest.id}>
          <span className="badge badge-awaiting">awaiting approval</span> Extension by {humanDuration(seconds(l.openExtensionRequest.by))} asked{' '}
          <Time value={l.openExtensionRequest.createdAt} />: a manager of the cost center decides; the lease keeps its end until then.
        </p>
      )}
      {open === 'extend' && <ExtendForm lease={lease2} {...ctl} />}
      {open === 'expand' && <ExpandForm lease={lease2} {...ctl} />}
      <ErrorMessage error={error} />
      {policyHint && <p className="help">Beyond the policy, a manager of your cost center can extend it for you.</p>}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {open === 'return' && (
        <ReturnDialog
          lease={lease2}
          {...ctl}
          onCancel={() => setOpen(null)}
          fail={(e) => {
            setOpen(null);
            setError(e);
          }}
        />
      )}
    </div>
  );
}

function ExtendForm({ lease, finish, fail }: { lease: Lease } & Done) {
  const [extend, extending] = useMutation<LeaseActionsExtendMutation>(extendMutation);
  const id = useId();
  const [by, setBy] = useState('1d');
  const [byError, setByError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDuration(by);
    if (!d.ok) {
      setByError(d.error);
      return;
    }
    setByError(null);
    fail(null);
    extend({
      variables: { id: lease.id, by: d.text },
      // Beyond the policy the server opens an extension request instead (the lease keeps its end).
      onCompleted: (r) => finish(r.extendLease.openExtensionRequest ? `Asked to extend by ${d.text}: awaiting approval.` : `Extended by ${d.text}.`),
      onError: fail,
    });
  };
  return (
    <form className="form inline" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-by`}>Extend by</label>
      <input id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)} size={8} aria-invalid={byError ? true : undefined} aria-describedby={`${id}-by-msg`} spellCheck={false} />
      <button type="submit" className="primary" disabled={extending}>
        {extending ? 'Extending…' : 'Extend'}
      </button>
      <span id={`${id}-by-msg`} className={byError ? 'field-error' : 'help'}>
        {byError ?? 'e.g. 1d, 12h'}
      </span>
    </form>
  );
}

function ExpandForm({ lease, finish, fail }: { lease: Lease } & Done) {
  const [expand, expanding] = useMutation<LeaseActionsExpandMutation>(expandMutation);
  const id = useId();
  const [sku, setSku] = useState(lease.skus[0] ?? '');
  const [qty, setQty] = useState('1');
  const [qtyError, setQtyError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(qty);
    if (!/^\d+$/.test(qty.trim()) || n < 1 || n > 100) {
      setQtyError('Enter a whole number from 1 to 100.');
      return;
    }
    setQtyError(null);
    fail(null);
    expand({ variables: { id: lease.id, lines: [{ sku: sku.trim(), quantity: n }] }, onCompleted: () => finish(`Added ${n} × ${sku}.`), onError: fail });
  };
  return (
    <form className="form inline" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-sku`}>Add</label>
      <input id={`${id}-qty`} aria-label="How many" value={qty} onChange={(e) => setQty(e.target.value)} size={3} inputMode="numeric" aria-invalid={qtyError ? true : undefined} />
      <span aria-hidden="true">×</span>
      <input id={`${id}-sku`} list={`${id}-skus`} value={sku} onChange={(e) => setSku(e.target.value)} size={10} spellCheck={false} />
      <datalist id={`${id}-skus`}>
        {lease.skus.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" className="primary" disabled={expanding}>
        {expanding ? 'Adding…' : 'Add items'}
      </button>
      <span className={qtyError ? 'field-error' : 'help'}>{qtyError ?? 'Same end as the lease; all or nothing.'}</span>
    </form>
  );
}

function ReturnDialog({ lease, finish, fail, onCancel }: { lease: Lease; onCancel: () => void } & Done) {
  const [ret, returning] = useMutation<LeaseActionsReturnMutation>(returnMutation);
  const { pendingOnly } = lease;
  const n = lease.allocations.length;
  return (
    <Confirm
      open
      title={pendingOnly ? 'Withdraw this request?' : 'Return this lease?'}
      confirmLabel={pendingOnly ? 'Withdraw' : 'Return now'}
      danger
      busy={returning}
      onCancel={onCancel}
      onConfirm={() =>
        ret({
          variables: { id: lease.id },
          onCompleted: () => finish(pendingOnly ? 'Withdrawn.' : 'Returned: the items are being wiped.'),
          onError: fail,
        })
      }
    >
      <p>{pendingOnly ? 'The request is withdrawn.' : `Its ${n} item${n === 1 ? '' : 's'} will be wiped and go back on the shelf. This cannot be undone.`}</p>
    </Confirm>
  );
}
