import { describe, expect, it } from 'vitest';
import { emptyProduct, parseAttributes, skuProblem, validateProduct } from './productForm';

describe('skuProblem', () => {
  it.each(['2C.small', '4D.large', '4E.lab3'])('accepts %s', (s) => expect(skuProblem(s)).toBeNull());
  it.each([
    ['5D.small', /tier is 1 to 4/],
    ['4F.small', /type/],
    ['4Dsmall', /“\.” follows/],
    ['4D.Small', /lower-case/],
    ['4D.', /lower-case/],
  ])('refuses %s', (s, msg) => expect(skuProblem(s)).toMatch(msg));
});

describe('parseAttributes', () => {
  it('reads key=value lines', () => {
    expect(parseAttributes('ram_gb=256\n\n platform = vcloud ')).toEqual({ attributes: [{ key: 'ram_gb', value: '256' }, { key: 'platform', value: 'vcloud' }] });
  });
  it('names the bad line', () => {
    expect(parseAttributes('a=1\nbroken').error).toMatch(/Line 2/);
  });
});

describe('validateProduct', () => {
  const good = { ...emptyProduct, sku: '4D.medium', name: 'Medium metal', price: '90', attributes: 'ram_gb=512' };
  it('builds the create input', () => {
    const r = validateProduct({ ...good, components: [] }, true);
    expect(r.errors).toEqual({});
    expect(r.input).toMatchObject({ sku: '4D.medium', name: 'Medium metal', pricePerDay: 9000, currency: 'USD', defaultDuration: '7d', maxDuration: '30d', attributes: [{ key: 'ram_gb', value: '512' }], components: null });
  });
  it('checks every field before sending', () => {
    const r = validateProduct({ ...good, sku: 'x', name: ' ', price: 'free', currency: 'usd', maxDuration: '2x' }, true);
    expect(Object.keys(r.errors).sort()).toEqual(['currency', 'maxDuration', 'name', 'price', 'sku']);
    expect(r.input).toBeUndefined();
  });
  it('keeps the policy coherent', () => {
    expect(validateProduct({ ...good, defaultDuration: '40d' }, true).errors.defaultDuration).toMatch(/longer than the longest/);
    expect(validateProduct({ ...good, maxLifetime: '10d' }, true).errors.maxLifetime).toMatch(/shorter than one lease/);
  });
  it('checks bundle components', () => {
    expect(validateProduct({ ...good, components: [{ sku: '4D.small', quantity: '0' }] }, true).errors.components).toMatch(/Component 1: the quantity/);
    expect(validateProduct({ ...good, components: [{ sku: '4D.small', quantity: '3' }] }, true).input?.components).toEqual([{ sku: '4D.small', quantity: 3 }]);
  });
  it('does not send what cannot change when editing', () => {
    const r = validateProduct({ ...good, sku: 'whatever', currency: '??' }, false);
    expect(r.errors).toEqual({});
    expect(r.input).not.toHaveProperty('sku');
    expect(r.input).not.toHaveProperty('currency');
  });
});
