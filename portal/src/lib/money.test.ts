import { describe, expect, it } from 'vitest';
import { money, parsePrice } from './money';

describe('money', () => {
  it('formats minor units', () => {
    expect(money(4500, 'USD')).toMatch(/45\.00/);
    expect(money(4500, 'XXXX')).toBe('45.00 XXXX');
  });
  it.each([
    ['45', 4500],
    ['45.5', 4550],
    ['45,50', 4550],
    [' 0 ', 0],
    ['4.555', null],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('parses %j', (input, want) => {
    expect(parsePrice(input)).toBe(want);
  });
});
