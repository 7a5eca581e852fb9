import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Credentials, credentialFields } from './Credentials';

afterEach(cleanup);

describe('Credentials', () => {
  it('parses JSON credentials into fields', () => {
    expect(credentialFields('{"ipmi_user":"admin","port":623}')).toEqual([['ipmi_user', 'admin'], ['port', '623']]);
    expect(credentialFields('plain secret')).toEqual([['credentials', 'plain secret']]);
  });
  it('hides them until revealed', () => {
    render(<Credentials raw='{"ipmi_password":"s3cret"}' itemName="4d-small-01" />);
    expect(screen.queryByText('s3cret')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Reveal credentials of 4d-small-01/ }));
    expect(screen.getByText('s3cret')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy ipmi_password' })).toBeTruthy();
  });
  it('says when none are visible', () => {
    render(<Credentials raw={null} itemName="x" />);
    expect(screen.getByText(/No credentials visible/)).toBeTruthy();
  });
});
