import { describe, expect, it } from 'vitest';
import { checkParams, initialParams, paramFields, type ParamDecl } from './ParameterFields';

const decl = (d: Partial<ParamDecl> & Pick<ParamDecl, 'name' | 'type'>): ParamDecl => ({ required: false, fixed: false, ...d });

describe('paramFields', () => {
  it('names a bundle’s component parameters SKU.name with the bundle’s defaults', () => {
    const image = decl({ name: 'image', type: 'ENUM', values: ['a', 'b'], default: 'a' });
    const f = paramFields([decl({ name: '4D.small.image', type: 'ENUM', default: 'b', fixed: true })], [{ product: { sku: '4D.small', parameters: [image] } }]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: '4D.small.image', default: 'b', fixed: true, values: ['a', 'b'] });
    expect(initialParams(f)).toEqual({ '4D.small.image': 'b' });
  });
});

describe('checkParams', () => {
  const fields = paramFields(
    [
      decl({ name: 'size_gb', type: 'INTEGER', min: 100, max: 1000, default: '250' }),
      decl({ name: 'ssh_key', type: 'SSH_PUBLIC_KEY', required: true }),
      decl({ name: 'domain', type: 'STRING', pattern: '[a-z.]+' }),
      decl({ name: 'wipe', type: 'BOOLEAN' }),
    ],
    [],
  );
  it('hints at every rule before sending', () => {
    const { errors } = checkParams(fields, { size_gb: '5000', ssh_key: '', domain: 'NO', wipe: 'false' });
    expect(errors).toEqual({ size_gb: 'Between 100 and 1000.', ssh_key: 'Required.', domain: 'Must match [a-z.]+.' });
  });
  it('sends what is filled in, nothing empty', () => {
    const { errors, send } = checkParams(fields, { size_gb: '250', ssh_key: ' ssh-ed25519 AAAA me@host\n', domain: '', wipe: 'true' });
    expect(errors).toEqual({});
    expect(send).toEqual([
      { name: 'size_gb', value: '250' },
      { name: 'ssh_key', value: 'ssh-ed25519 AAAA me@host' },
      { name: 'wipe', value: 'true' },
    ]);
  });
});
