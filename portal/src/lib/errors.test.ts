import { describe, expect, it } from 'vitest';
import { ApiError, describeError, findApiError, isUnauthenticated } from './errors';

describe('describeError', () => {
  it('puts the code in words and keeps the rule', () => {
    const d = describeError(ApiError.from({ message: '4D.small: a lease lasts at most 30d; asked for 90d', extensions: { code: 'POLICY_VIOLATION' } }));
    expect(d).toEqual({ code: 'POLICY_VIOLATION', headline: 'Not allowed by the lease policy', detail: '4D.small: a lease lasts at most 30d; asked for 90d' });
  });
  it('hides internal detail', () => {
    const d = describeError(new ApiError('INTERNAL', 'pq: relation "x" does not exist'));
    expect(d.detail).not.toContain('pq:');
    expect(d.headline).toBe('The server ran into a problem');
  });
  it('finds an API error inside the errors Relay wraps', () => {
    const wrapped = Object.assign(new Error('Relay: x'), { source: { errors: [{ message: 'no such lease', extensions: { code: 'NOT_FOUND' } }] } });
    expect(findApiError(wrapped)?.code).toBe('NOT_FOUND');
    expect(isUnauthenticated({ cause: new ApiError('UNAUTHENTICATED', 'the token is unknown or revoked') })).toBe(true);
  });
  it('says the server cannot be reached for network failures', () => {
    expect(describeError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });
  it('never shows raw JSON or a stack for unknown throws', () => {
    const d = describeError({ weird: true });
    expect(d.detail).not.toContain('{');
    expect(d.code).toBe('INTERNAL');
  });
  it('defaults a missing code to INTERNAL', () => {
    expect(ApiError.from({ message: 'x' }).code).toBe('INTERNAL');
  });
});
