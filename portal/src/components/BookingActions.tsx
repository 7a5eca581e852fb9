import { useId, useState, type FormEvent } from 'react';
import { graphql, useFragment, useMutation } from 'react-relay';
import type { BookingActions_lease$key } from '../__generated__/BookingActions_lease.graphql';
import type { BookingActionsRescheduleMutation } from '../__generated__/BookingActionsRescheduleMutation.graphql';
import type { BookingActionsCancelMutation } from '../__generated__/BookingActionsCancelMutation.graphql';
import { humanDuration, parseDuration, toAPI } from '../lib/duration';
import { fromLocalInput, toLocalInput } from '../lib/calendar';
import { ErrorMessage } from './ErrorMessage';
import { Confirm } from './Confirm';

const rescheduleMutation = graphql`
  mutation BookingActionsRescheduleMutation($id: ID!, $startsAt: Time!, $endsAt: Time!) {
    rescheduleLease(id: $id, startsAt: $startsAt, endsAt: $endsAt) { id status startsAt endsAt duration ...BookingActions_lease }
  }
`;
const cancelMutation = graphql`
  mutation BookingActionsCancelMutation($id: ID!) {
    returnLease(id: $id) { id status endedAt statusMessage }
  }
`;

/**
 * A reservation's actions: move or stretch it (rescheduleLease, re-checked by the server at
 * once) and cancel it (returnLease: nothing is charged). Only for SCHEDULED leases.
 */
export function BookingActions({ lease, onChanged }: { lease: BookingActions_lease$key; onChanged?: () => void }) {
  const l = useFragment(
    graphql`
      fragment BookingActions_lease on Lease {
        id
        status
        startsAt
        endsAt
      }
    `,
    lease,
  );
  const [open, setOpen] = useState<null | 'move' | 'cancel'>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (l.status !== 'SCHEDULED') return null;
  const finish = (msg: string) => {
    setOpen(null);
    setDone(msg);
    onChanged?.();
  };
  return (
    <div className="lease-actions">
      <div className="buttons" role="group" aria-label="Reservation actions">
        <button type="button" aria-expanded={open === 'move'} onClick={() => { setError(null); setDone(null); setOpen((o) => (o === 'move' ? null : 'move')); }}>
          Reschedule
        </button>
        <button type="button" className="danger-outline" onClick={() => { setError(null); setDone(null); setOpen('cancel'); }}>
          Cancel reservation
        </button>
      </div>
      {open === 'move' && <MoveForm id={l.id} startsAt={l.startsAt} endsAt={l.endsAt} finish={finish} fail={setError} />}
      <ErrorMessage error={error} />
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {open === 'cancel' && <CancelDialog id={l.id} finish={finish} fail={(e) => { setOpen(null); setError(e); }} onCancel={() => setOpen(null)} />}
    </div>
  );
}

function MoveForm({ id, startsAt, endsAt, finish, fail }: { id: string; startsAt: string | null | undefined; endsAt: string | null | undefined; finish: (m: string) => void; fail: (e: unknown) => void }) {
  const [commit, busy] = useMutation<BookingActionsRescheduleMutation>(rescheduleMutation);
  const fid = useId();
  const length = startsAt && endsAt ? (new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 1000 : 86400;
  const [start, setStart] = useState(startsAt ? toLocalInput(startsAt) : '');
  const [dur, setDur] = useState(toAPI(length));
  const [msg, setMsg] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = fromLocalInput(start);
    const d = parseDuration(dur);
    if (!s) return setMsg('Pick a start: a day and a time.');
    if (!d.ok) return setMsg(d.error);
    setMsg(null);
    fail(null);
    const end = new Date(new Date(s).getTime() + d.seconds * 1000).toISOString();
    commit({
      variables: { id, startsAt: s, endsAt: end },
      onCompleted: () => finish(`Moved: ${new Date(s).toLocaleString()} for ${humanDuration(d.seconds)}.`),
      onError: fail,
    });
  };
  return (
    <form className="form inline" onSubmit={submit} noValidate aria-label="Reschedule">
      <label htmlFor={`${fid}-start`}>Start</label>
      <input id={`${fid}-start`} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={msg ? true : undefined} />
      <label htmlFor={`${fid}-dur`}>for</label>
      <input id={`${fid}-dur`} value={dur} onChange={(e) => setDur(e.target.value)} size={7} spellCheck={false} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Moving…' : 'Move'}
      </button>
      <span className={msg ? 'field-error' : 'help'}>{msg ?? 'Checked against the calendar at once; the old slot stays if the new one does not fit.'}</span>
    </form>
  );
}

function CancelDialog({ id, finish, fail, onCancel }: { id: string; finish: (m: string) => void; fail: (e: unknown) => void; onCancel: () => void }) {
  const [commit, busy] = useMutation<BookingActionsCancelMutation>(cancelMutation);
  return (
    <Confirm
      open
      title="Cancel this reservation?"
      confirmLabel="Yes, cancel it"
      danger
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => commit({ variables: { id }, onCompleted: () => finish('Cancelled: nothing is charged.'), onError: fail })}
    >
      <p>The booked items go back to the calendar for others. Nothing is charged.</p>
    </Confirm>
  );
}
