import { narrowTenant, signAccessToken, verifyAccessToken } from '../../../src/auth/access-token';
import { createAuthenticator } from '../../../src/auth/authenticate';
import { createTenantDirectory, sha256Hex } from '../../../src/auth/api-key';
import { downloadLinkExpiry, signDownloadLink, verifyDownloadLink } from '../../../src/auth/download-link';
import type { TenantConfig } from '../../../src/config';

const SECRET = 's'.repeat(40);
const tenant = (id: string, extra: Partial<TenantConfig> = {}): TenantConfig => ({
  id,
  name: id,
  apiKeySha256: [sha256Hex(`${id}-key`)],
  providers: {},
  companies: { JEPILOTE: ['1', '2'], INQOM: '*' },
  allowedOrigins: [],
  ...extra,
});
const demo = tenant('demo');
const directory = createTenantDirectory([demo, tenant('other')]);
const grant = {
  scopes: ['READ'] as const,
  companies: null,
  expiresAt: 10_000,
  apiKeySha256: sha256Hex('demo-key'),
};

describe('access tokens', () => {
  it('verify until their expiry, and not from then on', () => {
    const token = signAccessToken(SECRET, demo, grant);
    expect(verifyAccessToken(SECRET, directory, token, 9_999)).toMatchObject({ tenant: demo, grant });
    expect(verifyAccessToken(SECRET, directory, token, 10_000)).toBeNull();
  });

  it('die with a new tokenSigningKey for their tenant only', () => {
    const token = signAccessToken(SECRET, demo, grant);
    const rotated = createTenantDirectory([tenant('demo', { tokenSigningKey: 'k'.repeat(32) })]);
    expect(verifyAccessToken(SECRET, rotated, token, 0)).toBeNull();
    expect(verifyAccessToken('t'.repeat(40), directory, token, 0)).toBeNull();
  });

  it('die with the API key that minted them, once the tenant no longer lists it', () => {
    const rotating = tenant('demo', { apiKeySha256: [sha256Hex('demo-key'), sha256Hex('next-key')] });
    const minted = signAccessToken(SECRET, rotating, grant);
    const byNext = signAccessToken(SECRET, rotating, { ...grant, apiKeySha256: sha256Hex('next-key') });
    const rotated = createTenantDirectory([tenant('demo', { apiKeySha256: [sha256Hex('next-key')] })]);
    expect(verifyAccessToken(SECRET, createTenantDirectory([rotating]), minted, 0)).not.toBeNull();
    expect(verifyAccessToken(SECRET, rotated, minted, 0)).toBeNull();
    expect(verifyAccessToken(SECRET, rotated, byNext, 0)?.grant.apiKeySha256).toBe(sha256Hex('next-key'));
  });

  it('narrow the allowlist to the named companies the tenant may see', () => {
    const narrowed = narrowTenant(demo, [
      { provider: 'JEPILOTE', companyId: '2' },
      { provider: 'JEPILOTE', companyId: '3' },
      { provider: 'INQOM', companyId: '9' },
      { provider: 'PLEO', companyId: '1' },
    ]);
    expect(narrowed.companies).toEqual({ JEPILOTE: ['2'], MYUNISOFT: [], INQOM: ['9'], PLEO: [] });
    expect(narrowTenant(demo, null)).toBe(demo);
  });

  it('are told apart from API keys by the authenticator', () => {
    const auth = createAuthenticator({ tenants: directory, signingSecret: SECRET, now: () => 5_000 });
    expect(auth.authenticate('demo-key')).toEqual({
      tenant: demo,
      caller: { kind: 'API_KEY', apiKeySha256: sha256Hex('demo-key') },
    });
    const token = signAccessToken(SECRET, demo, {
      ...grant,
      companies: [{ provider: 'INQOM', companyId: '4' }],
    });
    expect(auth.authenticate(token)).toMatchObject({
      tenant: { id: 'demo', companies: { INQOM: ['4'], JEPILOTE: [] } },
      caller: { kind: 'ACCESS_TOKEN', scopes: ['READ'], expiresAt: 10_000 },
    });
    expect(auth.authenticate(token.replace(/^demo\./, 'other.'))).toBeNull();
  });
});

describe('download links', () => {
  const target = { kind: 'DOCUMENT', provider: 'INQOM', companyId: '7', ref: '42' } as const;

  it('name their tenant and target, for their kind only, until they expire', () => {
    const link = signDownloadLink(SECRET, demo, 'https://gl.example', target, 20_000);
    expect(link.url).toMatch(/^https:\/\/gl\.example\/documents\/demo\./);
    const token = link.url.split('/').pop()!;
    expect(verifyDownloadLink(SECRET, directory, 'DOCUMENT', token, 19_999)).toEqual({
      tenant: demo,
      target,
    });
    expect(verifyDownloadLink(SECRET, directory, 'DOCUMENT', token, 20_000)).toBeNull();
    expect(verifyDownloadLink(SECRET, directory, 'EXPORT', token, 0)).toBeNull();
  });

  it('expire within the hour (rounded up to 5 minutes), never after the given bound', () => {
    expect(downloadLinkExpiry(Date.parse('2026-12-01T10:02:00Z'))).toBe(Date.parse('2026-12-01T11:05:00Z'));
    expect(downloadLinkExpiry(0, 1_000)).toBe(1_000);
  });
});

describe('signed tokens', () => {
  it('have one spelling: a MAC re-spelled in the spare bits of its last character is refused', () => {
    const token = signAccessToken(SECRET, demo, grant);
    const last = token.at(-1)!;
    // A 32-byte MAC is 43 base64url characters; the last one's two low bits are spare (always 0).
    expect('AEIMQUYcgkosw048').toContain(last);
    const respelled = token.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
    const macBytes = (t: string) => Buffer.from(t.split('.').pop()!, 'base64url');
    expect(macBytes(respelled)).toEqual(macBytes(token));
    expect(verifyAccessToken(SECRET, directory, respelled, 0)).toBeNull();
  });
});
