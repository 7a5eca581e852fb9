import { describe, expect, it, vi } from 'vitest';

vi.mock('react-relay', () => ({ graphql: () => null, useLazyLoadQuery: vi.fn() }));
const { inventoryVariables, PAGE } = await import('./Inventory');

describe('inventoryVariables', () => {
  it('turns the address into filters and a forward page', () => {
    expect(inventoryVariables(new URLSearchParams('sku=4D.small&status=MAINTENANCE&pool=rack-a&after=abc'))).toEqual({
      first: PAGE,
      after: 'abc',
      where: { hasProductWith: [{ sku: '4D.small' }], status: 'MAINTENANCE', pool: 'rack-a' },
    });
  });
  it('pages backwards from a cursor', () => {
    expect(inventoryVariables(new URLSearchParams('before=xyz'))).toEqual({ last: PAGE, before: 'xyz', where: {} });
  });
  it('ignores an unknown status', () => {
    expect(inventoryVariables(new URLSearchParams('status=LOST')).where).toEqual({});
  });
});
