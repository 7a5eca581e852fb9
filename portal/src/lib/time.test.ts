import { describe, expect, it } from 'vitest';
import { addMonths, currentMonth, localTime, monthStart, secondsUntil, utcTime } from './time';

describe('time', () => {
  it('shows the UTC instant for hovering', () => {
    expect(utcTime('2026-12-01T20:11:26.123456Z')).toBe('2026-12-01 20:11:26 UTC');
    expect(utcTime('nonsense')).toBe('');
  });
  it('formats in the given zone', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    expect(localTime('2026-12-01T20:11:00Z', fmt)).toMatch(/21:11/);
    expect(localTime('x')).toBe('—');
  });
  it('counts down', () => {
    expect(secondsUntil('2026-12-01T20:00:10Z', Date.parse('2026-12-01T20:00:00Z'))).toBe(10);
  });
  it('walks months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', -11)).toBe('2026-01');
    expect(monthStart('2026-11')).toBe('2026-11-01T00:00:00Z');
    expect(currentMonth(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
  });
});
