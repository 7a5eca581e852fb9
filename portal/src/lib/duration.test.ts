import { describe, expect, it } from 'vitest';
import { humanDuration, parseDuration, seconds, toAPI } from './duration';

describe('parseDuration', () => {
  it.each([
    ['7d', 7 * 86400, '7d'],
    ['36h', 36 * 3600, '1d12h'],
    ['1d12h', 36 * 3600, '1d12h'],
    [' 90m ', 5400, '1h30m'],
    ['1D 2H', 93600, '1d2h'],
    ['45s', 45, '45s'],
  ])('reads %j', (input, secs, text) => {
    expect(parseDuration(input)).toEqual({ ok: true, seconds: secs, text });
  });
  it.each([
    ['', /Enter a duration/],
    ['7', /has no unit/],
    ['7x', /Unit "x" is unknown/],
    ['1h1d', /out of order/],
    ['1d1d', /out of order/],
    ['0d', /more than zero/],
    ['d', /Expected a number/],
    ['99999999d', /too long/],
  ])('refuses %j', (input, msg) => {
    const r = parseDuration(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('formatting', () => {
  it('prints the API form', () => {
    expect(toAPI(0)).toBe('0s');
    expect(toAPI(86400 + 61)).toBe('1d1m1s');
  });
  it('reads server durations', () => {
    expect(seconds('23h59m59s')).toBe(86399);
    expect(seconds(null)).toBeNaN();
  });
  it('prints at most two units for people', () => {
    expect(humanDuration(6 * 86400 + 23 * 3600 + 59)).toBe('6d 23h');
    expect(humanDuration(7 * 86400)).toBe('7d');
    expect(humanDuration(4 * 3600 + 5 * 60)).toBe('4h 05m');
    expect(humanDuration(59)).toBe('59s');
    expect(humanDuration(-5)).toBe('0s');
    expect(humanDuration(NaN)).toBe('—');
  });
});
