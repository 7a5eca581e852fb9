import { describe, expect, it } from 'vitest';
import { monthlySeries, totals } from './showbackData';

const r = (key: string, cost: number) => ({ key, cost, itemHours: cost / 10, currency: 'USD' });

describe('showback data', () => {
  it('makes one series per key across months, largest first', () => {
    expect(monthlySeries([[r('alice', 100)], [], [r('bob', 500), r('alice', 50)]])).toEqual([
      { key: 'bob', values: [0, 0, 500] },
      { key: 'alice', values: [100, 0, 50] },
    ]);
  });
  it('gives each row its share', () => {
    const t = totals([r('a', 100), r('b', 300)]);
    expect(t.map((x) => [x.key, x.share])).toEqual([
      ['b', 75],
      ['a', 25],
    ]);
    expect(totals([r('a', 0)])[0].share).toBe(0);
  });
});
