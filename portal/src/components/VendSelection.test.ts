import { describe, expect, it } from 'vitest';
import { selectionInput, splitLabels } from './VendSelection';

describe('vend constraints', () => {
  it('splits labels on spaces and commas', () => {
    expect(splitLabels(' gpu, nic=25g  rack=a ')).toEqual(['gpu', 'nic=25g', 'rack=a']);
    expect(splitLabels('')).toEqual([]);
  });
  it('leaves empty constraints out of the vend line', () => {
    expect(selectionInput({ pool: ' ', labels: '', notLabels: '' })).toEqual({});
    expect(selectionInput({ pool: 'lab1', labels: 'gpu', notLabels: 'broken, old' })).toEqual({ pool: 'lab1', labels: ['gpu'], notLabels: ['broken', 'old'] });
  });
});
