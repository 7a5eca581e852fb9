// A product's availability calendar and booking ahead: a heatmap of the items bookable per hour
// (two weeks) or per day (six weeks); a click on a slot picks the start, and the booking form
// vends with startsAt, so the lease is SCHEDULED. Loaded only when opened (App.tsx).
import { useId, useMemo, useState, type FormEvent } from 'react';
import { fetchQuery, graphql, useLazyLoadQuery, useMutation, useRelayEnvironment } from 'react-relay';
import type { CalendarQuery } from '../__generated__/CalendarQuery.graphql';
import type { CalendarBookMutation, CalendarBookMutation$data } from '../__generated__/CalendarBookMutation.graphql';
import type { CalendarEarliestQuery } from '../__generated__/CalendarEarliestQuery.graphql';
import type { PageProps } from '../App';
import { useSeenViewer } from '../viewer';
import { Link } from '../router';
import { ErrorMessage } from '../components/ErrorMessage';
import { Status } from '../components/Status';
import { Time } from '../components/Time';
import { humanDuration, parseDuration, seconds } from '../lib/duration';
import './Calendar.css';
import { calendarRange, fitOnScreen, fromLocalInput, gridRows, heatLevel, overlaps, slotText, toLocalInput, validateBooking, VIEWS, type BookingErrors, type BookingValues, type Slot, type View } from '../lib/calendar';

const query = graphql`
  query CalendarQuery($sku: String!, $from: Time!, $to: Time!, $step: Duration!) {
    viewer { id name role costCenter { code } }
    product(sku: $sku) {
      id sku name retired
      defaultDuration minDuration maxDuration
      cleaningBuffer bookingHorizon
      components { id }
    }
    availabilityCalendar(sku: $sku, from: $from, to: $to, step: $step) { from to bookable capacity }
  }
`;

const earliestQuery = graphql`
  query CalendarEarliestQuery($sku: String!, $duration: Duration!, $quantity: Int!, $after: Time) {
    earliestStart(lines: [{ sku: $sku, quantity: $quantity }], duration: $duration, after: $after)
  }
`;

const bookMutation = graphql`
  mutation CalendarBookMutation($input: VendInput!) {
    vend(input: $input) { id status awaitingApproval statusMessage startsAt endsAt }
  }
`;

export default function CalendarPage({ params }: PageProps) {
  const sku = params.sku;
  const [view, setView] = useState<View>('hours');
  const [fetchKey, setFetchKey] = useState(0);
  // The window is fixed when the page opens (and when the view changes), so a re-render asks for the same one.
  const range = useMemo(() => calendarRange(Date.now(), view), [view]);
  const data = useLazyLoadQuery<CalendarQuery>(query, { sku, ...range }, { fetchPolicy: 'store-and-network', fetchKey });
  useSeenViewer(data.viewer);
  const [start, setStart] = useState('');
  const [duration, setDuration] = useState<string | null>(null);
  const p = data.product;
  if (!p) {
    return (
      <section>
        <h1>No product {sku}</h1>
        <p>
          Back to the <Link to="/">catalog</Link>.
        </p>
      </section>
    );
  }
  const slots = data.availabilityCalendar;
  const dur = duration ?? p.defaultDuration ?? '1d';
  const picked = fromLocalInput(start);
  const d = parseDuration(dur);
  const pick = picked && d.ok ? { from: new Date(picked).getTime(), to: new Date(picked).getTime() + d.seconds * 1000 } : null;
  return (
    <section>
      <p className="crumbs">
        <Link to="/">Catalog</Link> › <Link to={`/catalog/${encodeURIComponent(p.sku)}`}>{p.sku}</Link> › Calendar
      </p>
      <div className="page-head">
        <h1>
          <span className="sku">{p.sku}</span> {p.name}: calendar
        </h1>
      </div>
      <p className="muted">
        Items bookable for the whole slot, in your time zone. Pick a slot to start a booking there.
        {seconds(p.cleaningBuffer) > 0 && ` Each lease is followed by ${humanDuration(seconds(p.cleaningBuffer))} of cleaning.`}
        {p.bookingHorizon && ` Bookable up to ${humanDuration(seconds(p.bookingHorizon))} ahead.`}
      </p>
      <div className="buttons" role="group" aria-label="Calendar view">
        {(Object.keys(VIEWS) as View[]).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'primary' : undefined} onClick={() => setView(v)}>
            {VIEWS[v].label}
          </button>
        ))}
      </div>
      <Heatmap slots={slots} view={view} pick={pick} onPick={(s) => setStart(toLocalInput(s.from))} />
      <Legend />
      {!p.retired && (
        <div className="panel">
          <h2>Book ahead</h2>
          <BookForm
            sku={p.sku}
            slots={slots}
            policy={{ minDuration: p.minDuration, maxDuration: p.maxDuration, bookingHorizon: p.bookingHorizon }}
            bundle={p.components.length > 0}
            start={start}
            setStart={setStart}
            duration={dur}
            setDuration={setDuration}
            onBooked={() => setFetchKey((k) => k + 1)}
          />
        </div>
      )}
    </section>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The heatmap: a row per day (or week), a cell per hour (or day); each cell a button. */
function Heatmap({ slots, view, pick, onPick }: { slots: readonly Slot[]; view: View; pick: { from: number; to: number } | null; onPick: (s: Slot) => void }) {
  const rows = useMemo(() => gridRows(slots, view), [slots, view]);
  const now = Date.now();
  const heads = view === 'hours' ? HOURS.map((h) => String(h).padStart(2, '0')) : WEEKDAYS;
  return (
    <div className="table-wrap heatmap-wrap">
      <table className={`heatmap heatmap-${view}`} data-view={view}>
        <caption className="sr-only">Items bookable per {view === 'hours' ? 'hour' : 'day'}</caption>
        <thead>
          <tr>
            <th scope="col">{view === 'hours' ? 'Day' : 'Week'}</th>
            {heads.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((s, i) => {
                if (!s) return <td key={i} className="heat-none" />;
                const past = new Date(s.to).getTime() <= now;
                const inPick = pick !== null && overlaps(s, pick.from, pick.to);
                const label = slotText(s, view);
                return (
                  <td key={i} className={inPick ? 'in-pick' : undefined}>
                    <button
                      type="button"
                      className={`heat heat-${heatLevel(s.bookable, s.capacity)}`}
                      data-slot={s.from}
                      data-bookable={s.bookable}
                      aria-label={label}
                      title={label}
                      disabled={past}
                      onClick={() => onPick(s)}
                    >
                      {s.bookable}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend() {
  return (
    <p className="heat-legend help" aria-hidden="true">
      <span className="heat heat-0">0</span> none bookable
      <span className="heat heat-1">·</span> a few
      <span className="heat heat-3">·</span> most
      <span className="heat heat-4">·</span> all · the outlined cells are your pick
    </p>
  );
}

type Booked = CalendarBookMutation$data['vend'];

function BookForm({
  sku,
  slots,
  policy,
  bundle,
  start,
  setStart,
  duration,
  setDuration,
  onBooked,
}: {
  sku: string;
  slots: readonly Slot[];
  policy: { minDuration?: string | null; maxDuration?: string | null; bookingHorizon?: string | null };
  bundle: boolean;
  start: string;
  setStart: (v: string) => void;
  duration: string;
  setDuration: (v: string) => void;
  /** After a booking or a refusal: the calendar is read again. */
  onBooked: () => void;
}) {
  const env = useRelayEnvironment();
  const [commit, busy] = useMutation<CalendarBookMutation>(bookMutation);
  const [quantity, setQuantity] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<BookingErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [finding, setFinding] = useState(false);
  const id = useId();
  const values: BookingValues = { start, duration, quantity, note };
  const check = validateBooking(values, policy, Date.now());
  const hint = check.request ? fitOnScreen(slots, new Date(check.request.startsAt).getTime(), new Date(check.request.endsAt).getTime(), check.request.quantity) : null;
  const field = (k: keyof BookingValues) => ({ id: `${id}-${k}`, 'aria-invalid': errors[k] ? true : undefined, 'aria-describedby': `${id}-${k}-msg` });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors(check.errors);
    setBooked(null);
    setError(null);
    const r = check.request;
    if (!r) {
      document.getElementById(`${id}-${Object.keys(check.errors)[0]}`)?.focus();
      return;
    }
    commit({
      variables: { input: { lines: [{ sku, quantity: r.quantity }], startsAt: r.startsAt, duration: r.duration, note: r.note, idempotencyKey: crypto.randomUUID() } },
      onCompleted: (res) => {
        setBooked(res.vend);
        onBooked();
      },
      onError: (e) => {
        setError(e);
        onBooked(); // a refusal often means the calendar moved on: show it as it is now
      },
    });
  };
  // The first time the request fits, from the server: it becomes the start.
  const earliest = () => {
    const d = parseDuration(duration);
    const q = Number(quantity);
    if (!d.ok || !(q >= 1)) {
      setErrors({ ...(d.ok ? {} : { duration: d.error }), ...(q >= 1 ? {} : { quantity: 'Enter a whole number, at least 1.' }) });
      return;
    }
    setErrors({});
    setError(null);
    setFinding(true);
    fetchQuery<CalendarEarliestQuery>(env, earliestQuery, { sku, duration: d.text, quantity: q, after: null }, { fetchPolicy: 'network-only' }).subscribe({
      next: (r) => {
        // A fit that is now (or a moment away) still books ahead: a minute from now.
        const t = Math.max(new Date(r.earliestStart).getTime(), Date.now() + 60_000);
        setStart(toLocalInput(new Date(Math.ceil(t / 60_000) * 60_000).toISOString()));
      },
      error: (e: unknown) => {
        setFinding(false);
        setError(e);
      },
      complete: () => setFinding(false),
    });
  };
  return (
    <>
      <form className="form book-form" onSubmit={submit} noValidate aria-label="Book ahead">
        <div className="field">
          <label htmlFor={`${id}-start`}>Start</label>
          <input {...field('start')} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
          <p id={`${id}-start-msg`} className={errors.start ? 'field-error' : 'help'}>
            {errors.start ?? 'Your time zone; or pick a slot above'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>Duration</label>
          <input {...field('duration')} value={duration} onChange={(e) => setDuration(e.target.value)} size={8} spellCheck={false} />
          <p id={`${id}-duration-msg`} className={errors.duration ? 'field-error' : 'help'}>
            {errors.duration ?? 'e.g. 3d, 36h'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-quantity`}>{bundle ? 'Bundles' : 'Quantity'}</label>
          <input {...field('quantity')} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} size={4} />
          <p id={`${id}-quantity-msg`} className={errors.quantity ? 'field-error' : 'help'}>
            {errors.quantity ?? ' '}
          </p>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input {...field('note')} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What it is for" />
          <p id={`${id}-note-msg`} className={errors.note ? 'field-error' : 'help'}>
            {errors.note ?? 'Shown on the lease and to approvers.'}
          </p>
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Booking…' : 'Book'}
          </button>
        </div>
        <div className="field">
          <button type="button" onClick={earliest} disabled={finding}>
            {finding ? 'Looking…' : 'Earliest fit'}
          </button>
        </div>
      </form>
      {check.request && (
        <p className="help" role="status" data-fit={hint?.fit}>
          {new Date(check.request.startsAt).toLocaleString()} to {new Date(check.request.endsAt).toLocaleString()}
          {hint?.fit === 'fits' && ' · fits the calendar above'}
          {hint?.fit === 'short' && ` · short: ${slotText(hint.slot, 'hours')}`}
          {hint?.fit === 'unknown' && ' · partly beyond the calendar shown: the server checks it'}
        </p>
      )}
      <ErrorMessage error={error} />
      {booked && (
        <div className="panel result" aria-live="polite" data-lease={booked.id}>
          <h2>
            {booked.status === 'SCHEDULED' ? 'Booked' : 'Lease'} <Status value={booked.status} awaiting={booked.awaitingApproval} />
          </h2>
          {booked.statusMessage && <p>{booked.statusMessage}</p>}
          <p>
            Lease {booked.id} starts <Time value={booked.startsAt} /> and ends <Time value={booked.endsAt} />. Cancel or move it from{' '}
            <Link to="/metal">My metal</Link> (<Link to={`/leases/${booked.id}`}>the lease</Link>).
          </p>
        </div>
      )}
    </>
  );
}
