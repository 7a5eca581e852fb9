import { describe, expect, it } from 'vitest';
import { calendarRange, fitOnScreen, fromLocalInput, gridRows, heatLevel, slotText, toLocalInput, validateBooking, type Slot } from './calendar';

const HOUR = 3600_000;
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);
const slot = (from: Date, ms: number, bookable: number, capacity = 14): Slot => ({
  from: from.toISOString(),
  to: new Date(from.getTime() + ms).toISOString(),
  bookable,
  capacity,
});

describe('calendarRange', () => {
  it('starts at local midnight today and spans the view', () => {
    const now = local(2026, 12, 2, 5, 30).getTime();
    const h = calendarRange(now, 'hours');
    expect(new Date(h.from).getTime()).toBe(local(2026, 12, 2).getTime());
    expect(new Date(h.to).getTime()).toBe(local(2026, 12, 16).getTime());
    expect(h.step).toBe('1h');
    const d = calendarRange(now, 'days');
    expect(new Date(d.to).getTime()).toBe(local(2027, 1, 13).getTime());
    expect(d.step).toBe('1d');
  });
});

describe('heatLevel', () => {
  it.each([
    [0, 14, 0],
    [1, 14, 1],
    [4, 14, 2],
    [8, 14, 3],
    [13, 14, 3],
    [14, 14, 4],
    [0, 0, 0],
    [3, 0, 0],
  ])('%i of %i is level %i', (b, c, want) => expect(heatLevel(b, c)).toBe(want));
});

describe('gridRows', () => {
  it('puts hourly slots in a row per local day, a cell per hour', () => {
    const start = local(2026, 12, 7, 22);
    const slots = [0, 1, 2, 3].map((i) => slot(new Date(start.getTime() + i * HOUR), HOUR, 10 - i));
    const rows = gridRows(slots, 'hours');
    expect(rows).toHaveLength(2);
    expect(rows[0].key).toBe('2026-12-07');
    expect(rows[0].cells).toHaveLength(24);
    expect(rows[0].cells[22]?.bookable).toBe(10);
    expect(rows[0].cells[23]?.bookable).toBe(9);
    expect(rows[0].cells[0]).toBeNull();
    expect(rows[1].key).toBe('2026-12-08');
    expect(rows[1].cells[0]?.bookable).toBe(8);
    expect(rows[1].cells[1]?.bookable).toBe(7);
  });
  it('puts daily slots in a row per week from Monday', () => {
    // Wednesday 2 December 2026 to Tuesday 8 December: two weeks on screen.
    const slots = [0, 1, 2, 3, 4, 5, 6].map((i) => slot(local(2026, 12, 2 + i), 24 * HOUR, i));
    const rows = gridRows(slots, 'days');
    expect(rows.map((r) => r.key)).toEqual(['2026-11-30', '2026-12-07']);
    expect(rows[0].cells.map((c) => c?.bookable ?? null)).toEqual([null, null, 0, 1, 2, 3, 4]);
    expect(rows[1].cells.map((c) => c?.bookable ?? null)).toEqual([5, 6, null, null, null, null, null]);
    expect(rows[0].label).toMatch(/^Week of /);
  });
});

describe('local inputs', () => {
  it('round-trips a local wall-clock time', () => {
    const t = local(2026, 12, 8, 9, 0);
    expect(toLocalInput(t.toISOString())).toBe('2026-12-08T09:00');
    expect(fromLocalInput('2026-12-08T09:00')).toBe(t.toISOString());
  });
  it('refuses what is no time', () => {
    for (const bad of ['', '2026-12-08', '2026-02-30T09:00', 'soon']) expect(fromLocalInput(bad)).toBeNull();
    expect(toLocalInput('nope')).toBe('');
  });
});

describe('fitOnScreen', () => {
  const start = local(2026, 12, 8, 9);
  const slots = [6, 6, 2, 6].map((b, i) => slot(new Date(start.getTime() + i * HOUR), HOUR, b));
  const at = (h: number) => start.getTime() + h * HOUR;
  it('fits when every overlapping slot has enough', () => {
    expect(fitOnScreen(slots, at(0), at(2), 6)).toEqual({ fit: 'fits' });
    expect(fitOnScreen(slots, at(0.5), at(1.5), 6)).toEqual({ fit: 'fits' });
  });
  it('names the first slot that is short', () => {
    const r = fitOnScreen(slots, at(1), at(4), 3);
    expect(r.fit).toBe('short');
    expect(r.fit === 'short' && r.slot.bookable).toBe(2);
  });
  it('cannot tell beyond the slots on screen', () => {
    expect(fitOnScreen(slots, at(3), at(6), 1)).toEqual({ fit: 'unknown' });
    expect(fitOnScreen(slots, at(-1), at(1), 1)).toEqual({ fit: 'unknown' });
  });
});

describe('validateBooking', () => {
  const now = local(2026, 12, 2, 5).getTime();
  const policy = { minDuration: '1h', maxDuration: '14d', bookingHorizon: '90d' };
  it('gives the interval and the line', () => {
    const r = validateBooking({ start: '2026-12-08T09:00', duration: '3d', quantity: '6', note: ' demo ' }, policy, now);
    expect(r.errors).toEqual({});
    expect(r.request).toEqual({
      startsAt: local(2026, 12, 8, 9).toISOString(),
      endsAt: local(2026, 12, 11, 9).toISOString(),
      duration: '3d',
      quantity: 6,
      note: 'demo',
    });
  });
  it('says what is wrong, field by field', () => {
    expect(validateBooking({ start: '2026-12-01T09:00', duration: '3d', quantity: '1', note: '' }, policy, now).errors.start).toMatch(/passed/);
    expect(validateBooking({ start: '2027-06-01T09:00', duration: '3d', quantity: '1', note: '' }, policy, now).errors.start).toMatch(/at most 90d ahead/);
    expect(validateBooking({ start: '', duration: '3d', quantity: '1', note: '' }, policy, now).errors.start).toMatch(/Pick a start/);
    expect(validateBooking({ start: '2026-12-08T09:00', duration: '30d', quantity: '1', note: '' }, policy, now).errors.duration).toMatch(/at most 14d/);
    expect(validateBooking({ start: '2026-12-08T09:00', duration: '3x', quantity: '1', note: '' }, policy, now).errors.duration).toMatch(/unknown/);
    expect(validateBooking({ start: '2026-12-08T09:00', duration: '3d', quantity: '0', note: '' }, policy, now).errors.quantity).toMatch(/at least 1/);
    expect(validateBooking({ start: '2026-12-08T09:00', duration: '3d', quantity: '1', note: '' }, {}, now).request).toBeDefined();
  });
});

describe('slotText', () => {
  it('reads a slot out', () => {
    const s = slot(local(2026, 12, 8, 9), HOUR, 6);
    expect(slotText(s, 'hours')).toMatch(/6 of 14 bookable$/);
    expect(slotText({ ...s, capacity: 0, bookable: 0 }, 'days')).toMatch(/no items can serve$/);
  });
});
