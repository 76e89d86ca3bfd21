import { bearerKey, createTenantDirectory, sha256Hex } from '../../../src/auth/api-key';
import { isCompanyAllowed } from '../../../src/auth/company-access';
import type { TenantConfig } from '../../../src/config';

const tenant = (id: string, keys: string[], companies: TenantConfig['companies'] = {}): TenantConfig => ({
  id,
  name: id,
  apiKeySha256: keys.map(sha256Hex),
  providers: {},
  companies,
  allowedOrigins: [],
});

describe('API keys', () => {
  const directory = createTenantDirectory([tenant('a', ['key-a', 'key-a-rotated']), tenant('b', ['key-b'])]);

  it('finds the tenant of any of its keys, and nothing for others', () => {
    expect(directory.findByApiKey('key-a')?.id).toBe('a');
    expect(directory.findByApiKey('key-a-rotated')?.id).toBe('a');
    expect(directory.findByApiKey('key-b')?.id).toBe('b');
    expect(directory.findByApiKey('key-c')).toBeNull();
  });

  it('reads only Bearer authorization headers', () => {
    expect(bearerKey('Bearer abc')).toBe('abc');
    expect(bearerKey('bearer abc')).toBe('abc');
    expect(bearerKey('Basic abc')).toBeNull();
    expect(bearerKey(undefined)).toBeNull();
    expect(bearerKey('Bearer a b')).toBeNull();
  });
});

describe('company allowlist', () => {
  it('allows listed ids or *, and nothing for a provider without an entry', () => {
    const t = tenant('a', ['k'], { MYUNISOFT: ['1'], PLEO: '*' });
    expect(isCompanyAllowed(t, 'MYUNISOFT', '1')).toBe(true);
    expect(isCompanyAllowed(t, 'MYUNISOFT', '2')).toBe(false);
    expect(isCompanyAllowed(t, 'PLEO', 'anything')).toBe(true);
    expect(isCompanyAllowed(t, 'INQOM', '1')).toBe(false);
  });
});
