// The availability calendar's rendering rules, free of React: which window to ask for, how a
// slot is shaded, how slots fall into a grid of local days and hours, and whether a booking fits
// the slots on screen (a hint: the server decides, atomically).
import { parseDuration, seconds } from './duration';

/** One slot as the API gives it: items bookable for the whole of [from, to). */
export type Slot = { readonly from: string; readonly to: string; readonly bookable: number; readonly capacity: number };

/** hours: a row per day, a cell per hour, two weeks; days: a row per week, a cell per day, six weeks. */
export type View = 'hours' | 'days';

export const VIEWS: Record<View, { days: number; step: string; label: string }> = {
  hours: { days: 14, step: '1h', label: 'Two weeks, by the hour' },
  days: { days: 42, step: '1d', label: 'Six weeks, by the day' },
};

/** The local midnight starting the day of ms. */
export function startOfDay(ms: number): Date {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** The window a view asks for, from today's local midnight; ISO instants and the step. */
export function calendarRange(nowMs: number, view: View): { from: string; to: string; step: string } {
  const from = startOfDay(nowMs);
  const to = new Date(from);
  to.setDate(to.getDate() + VIEWS[view].days);
  return { from: from.toISOString(), to: to.toISOString(), step: VIEWS[view].step };
}

/** A shade for a slot, 0 (nothing bookable) to 4 (everything bookable). */
export function heatLevel(bookable: number, capacity: number): 0 | 1 | 2 | 3 | 4 {
  if (capacity <= 0 || bookable <= 0) return 0;
  if (bookable >= capacity) return 4;
  const f = bookable / capacity;
  return f > 0.5 ? 3 : f > 0.25 ? 2 : 1;
}

/** A grid row: a local day (hours view) or a week starting on Monday (days view). */
export type Row = { key: string; label: string; cells: (Slot | null)[] };

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/**
 * Lays the slots out: in the hours view a row per local day with a cell per local hour (0-23;
 * on a daylight-saving change the repeated hour keeps its first slot); in the days view a row per
 * week (Monday first) with a cell per day. Cells without a slot are null.
 */
export function gridRows(slots: readonly Slot[], view: View): Row[] {
  const rows = new Map<string, Row>();
  for (const s of slots) {
    const d = new Date(s.from);
    let key: string;
    let index: number;
    let label: string;
    if (view === 'hours') {
      key = dayKey(d);
      index = d.getHours();
      label = dayLabel.format(d);
    } else {
      const monday = startOfDay(d.getTime());
      monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
      key = dayKey(monday);
      index = (d.getDay() + 6) % 7;
      label = `Week of ${dayLabel.format(monday)}`;
    }
    let row = rows.get(key);
    if (!row) {
      row = { key, label, cells: Array<Slot | null>(view === 'hours' ? 24 : 7).fill(null) };
      rows.set(key, row);
    }
    row.cells[index] ??= s;
  }
  return [...rows.values()];
}

/** The value of an <input type="datetime-local"> for an instant, in the viewer's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${dayKey(d)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The instant an <input type="datetime-local"> names (the viewer's zone), or null. */
export function fromLocalInput(v: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const t = new Date(y, mo - 1, d, h, mi);
  if (t.getFullYear() !== y || t.getMonth() !== mo - 1 || t.getDate() !== d) return null;
  return t.toISOString();
}

/** Whether a slot overlaps [startMs, endMs). */
export function overlaps(s: Slot, startMs: number, endMs: number): boolean {
  return new Date(s.from).getTime() < endMs && new Date(s.to).getTime() > startMs;
}

/**
 * What the slots on screen say of a booking of quantity for [startMs, endMs): 'fits' when every
 * overlapping slot has that many bookable, 'short' with the first slot that has not, 'unknown'
 * when part of the interval is off screen.
 */
export function fitOnScreen(slots: readonly Slot[], startMs: number, endMs: number, quantity: number): { fit: 'fits' | 'unknown' } | { fit: 'short'; slot: Slot } {
  let covered = startMs;
  for (const s of slots) {
    if (!overlaps(s, startMs, endMs)) continue;
    if (s.bookable < quantity) return { fit: 'short', slot: s };
    if (new Date(s.from).getTime() <= covered) covered = Math.max(covered, new Date(s.to).getTime());
  }
  return { fit: covered >= endMs ? 'fits' : 'unknown' };
}

export type BookingValues = { start: string; duration: string; quantity: string; note: string };
export type BookingErrors = Partial<Record<keyof BookingValues, string>>;
export type BookingPolicy = { minDuration?: string | null; maxDuration?: string | null; bookingHorizon?: string | null };
export type BookingRequest = { startsAt: string; endsAt: string; duration: string; quantity: number; note: string | null };

/** Checks a booking before it is sent: a future start within the horizon, a valid length, a count. */
export function validateBooking(v: BookingValues, policy: BookingPolicy, nowMs: number): { errors: BookingErrors; request?: BookingRequest } {
  const errors: BookingErrors = {};
  const startsAt = fromLocalInput(v.start);
  if (!startsAt) errors.start = 'Pick a start: a day and a time.';
  else if (new Date(startsAt).getTime() <= nowMs) errors.start = 'The start has passed: pick a later one.';
  else if (Number.isFinite(seconds(policy.bookingHorizon)) && new Date(startsAt).getTime() > nowMs + seconds(policy.bookingHorizon) * 1000)
    errors.start = `This product can be booked at most ${policy.bookingHorizon} ahead.`;
  const d = parseDuration(v.duration);
  if (!d.ok) errors.duration = d.error;
  else if (Number.isFinite(seconds(policy.maxDuration)) && d.seconds > seconds(policy.maxDuration)) errors.duration = `A lease of this product lasts at most ${policy.maxDuration}.`;
  else if (Number.isFinite(seconds(policy.minDuration)) && d.seconds < seconds(policy.minDuration)) errors.duration = `A lease of this product lasts at least ${policy.minDuration}.`;
  const q = Number(v.quantity);
  if (!/^\d+$/.test(v.quantity.trim()) || q < 1) errors.quantity = 'Enter a whole number, at least 1.';
  else if (q > 100) errors.quantity = 'At most 100 at once.';
  if (v.note.length > 500) errors.note = 'At most 500 characters.';
  if (Object.keys(errors).length > 0 || !startsAt || !d.ok) return { errors };
  const endsAt = new Date(new Date(startsAt).getTime() + d.seconds * 1000).toISOString();
  return { errors, request: { startsAt, endsAt, duration: d.text, quantity: q, note: v.note.trim() || null } };
}

/** A slot's words for assistive technology and the tooltip: "Tue 8 Dec, 09:00: 6 of 14 bookable". */
const slotFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const slotDayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
export function slotText(s: Slot, view: View): string {
  const when = (view === 'hours' ? slotFmt : slotDayFmt).format(new Date(s.from));
  return s.capacity <= 0 ? `${when}: no items can serve` : `${when}: ${s.bookable} of ${s.capacity} bookable`;
}
