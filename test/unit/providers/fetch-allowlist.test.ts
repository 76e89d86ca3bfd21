/** The SSRF guard on provider-given URLs: exact origins only, https or loopback http, no credentials. */
import {
  FetchAllowlist,
  isFetchableOrigin,
  isFetchableUrl,
  urlForLog,
} from '../../../src/providers/fetch-allowlist';
import { fetchPublicFile } from '../../../src/providers/inqom/public-file';

describe('FetchAllowlist', () => {
  const allowlist = new FetchAllowlist([
    'https://api.inqom.test/api', // a base URL: its origin is taken
    'http://127.0.0.1:4103',
    'http://inqom.internal:8080', // plain http off loopback: dropped
  ]);

  it.each([
    'https://api.inqom.test/enterprisespublic/1/2-thumb.png',
    'https://api.inqom.test/x.png?sig=abc',
    'http://127.0.0.1:4103/enterprisespublic/1/2-thumb.png',
  ])('fetches %s', (url) => expect(allowlist.allows(url)).toBe(true));

  it.each([
    ['another host', 'https://evil.test/x.png'],
    ['a look-alike host', 'https://api.inqom.test.evil.test/x.png'],
    ['another port', 'https://api.inqom.test:444/x.png'],
    ['another scheme', 'http://api.inqom.test/x.png'],
    ['an allowed origin over plain http off loopback', 'http://inqom.internal:8080/x.png'],
    ['credentials in the URL', 'https://user:pass@api.inqom.test/x.png'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['another loopback port', 'http://127.0.0.1:6379/'],
    ['a file URL', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', (_name, url) => expect(allowlist.allows(url)).toBe(false));

  it('checks configured origins: https, or http on loopback, and nothing but an origin', () => {
    expect(isFetchableOrigin('https://fredprodstorage.blob.core.windows.net')).toBe(true);
    expect(isFetchableOrigin('http://127.0.0.1:4103')).toBe(true);
    expect(isFetchableOrigin('http://[::1]:4103')).toBe(true);
    expect(isFetchableOrigin('http://fredprodstorage.blob.core.windows.net')).toBe(false);
    expect(isFetchableOrigin('https://fredprodstorage.blob.core.windows.net/')).toBe(false);
  });

  it('logs a URL by origin and path only: a query string may hold a signature', () => {
    expect(urlForLog('https://user:pw@s.test/a/b.png?sv=1&sig=SECRET#frag')).toBe('https://s.test/a/b.png');
    expect(urlForLog('nope')).toBe('(not a URL)');
  });
});

describe("Inqom's document public URLs (no allowlist: their storage hosts are not configured)", () => {
  it.each([
    ['cloud metadata over plain http', 'http://169.254.169.254/latest/meta-data/'],
    ['an internal service over plain http', 'http://redis.internal:6379/'],
    ['credentials in the URL', 'https://user:pass@blob.test/doc.pdf'],
    ['a file URL', 'file:///etc/passwd'],
  ])('refuses %s before any request', async (_name, url) => {
    expect(isFetchableUrl(url)).toBe(false);
    await expect(fetchPublicFile(url)).rejects.toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it('fetches https and loopback http (the simulators)', () => {
    expect(isFetchableUrl('https://fredprodstorage.blob.core.windows.net/c/doc.pdf?sig=x')).toBe(true);
    expect(isFetchableUrl('http://127.0.0.1:4103/public/1')).toBe(true);
  });
});
