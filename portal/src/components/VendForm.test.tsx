import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VendForm, validateVend, type VendPolicy } from './VendForm';

const policy: VendPolicy = { defaultDuration: '7d', minDuration: null, maxDuration: '30d', available: 5 };

afterEach(cleanup);

describe('validateVend', () => {
  it('passes a good vend with the duration in the API form', () => {
    expect(validateVend({ quantity: '2', duration: '36h', note: ' perf ' }, policy)).toEqual({ errors: {}, request: { quantity: 2, duration: '1d12h', note: 'perf' } });
  });
  it.each([
    [{ quantity: '0', duration: '7d', note: '' }, 'quantity', /at least 1/],
    [{ quantity: '1.5', duration: '7d', note: '' }, 'quantity', /whole number/],
    [{ quantity: '6', duration: '7d', note: '' }, 'quantity', /Only 5 available/],
    [{ quantity: '1', duration: '31d', note: '' }, 'duration', /at most 30d/],
    [{ quantity: '1', duration: 'soon', note: '' }, 'duration', /Expected a number/],
    [{ quantity: '1', duration: '7d', note: 'x'.repeat(501) }, 'note', /500/],
  ] as const)('refuses %j', (values, field, msg) => {
    const r = validateVend(values, policy);
    expect(r.request).toBeUndefined();
    expect(r.errors[field]).toMatch(msg);
  });
  it('says when nothing is available', () => {
    expect(validateVend({ quantity: '1', duration: '7d', note: '' }, { ...policy, available: 0 }).errors.quantity).toMatch(/None is available/);
  });
  it('respects a minimum', () => {
    expect(validateVend({ quantity: '1', duration: '1h', note: '' }, { ...policy, minDuration: '1d' }).errors.duration).toMatch(/at least 1d/);
  });
});

describe('VendForm', () => {
  it('prefills the product’s default duration and sends a checked request', () => {
    const onVend = vi.fn();
    render(<VendForm policy={policy} bundle={false} busy={false} onVend={onVend} />);
    const duration = screen.getByLabelText('Duration') as HTMLInputElement;
    expect(duration.value).toBe('7d');
    fireEvent.change(screen.getByLabelText('Quantity'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vend' }));
    expect(onVend).toHaveBeenCalledWith({ quantity: 2, duration: '7d', note: null });
  });
  it('shows the rule next to the field and sends nothing when invalid', () => {
    const onVend = vi.fn();
    render(<VendForm policy={policy} bundle busy={false} onVend={onVend} />);
    fireEvent.change(screen.getByLabelText('Duration'), { target: { value: '90d' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vend' }));
    expect(onVend).not.toHaveBeenCalled();
    const input = screen.getByLabelText('Duration');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/lasts at most 30d/)).toBeTruthy();
    expect(screen.getByLabelText('Bundles')).toBeTruthy();
  });
  it('falls back to a day when the product names no default', () => {
    render(<VendForm policy={{ ...policy, defaultDuration: null }} bundle={false} busy={false} onVend={() => {}} />);
    expect((screen.getByLabelText('Duration') as HTMLInputElement).value).toBe('1d');
  });
});
