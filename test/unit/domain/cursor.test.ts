import { decodeCursor, encodeCursor, stableJson, type ConnectionKey } from '../../../src/domain/cursor';

const secret = 'a-test-signing-secret-of-at-least-32-chars';
const key: ConnectionKey = {
  tenantId: 'acme',
  connection: 'entries:MYUNISOFT:123',
  filter: { type: 'ENTRY', from: '2024-01-01' },
};

const rejects = (fn: () => unknown) => {
  expect(fn).toThrow(
    expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    }),
  );
};

describe('cursors', () => {
  it('carries the provider resume token, opaquely', () => {
    const cursor = encodeCursor(secret, key, 'page-token-42');
    expect(cursor).not.toContain('page-token-42');
    expect(decodeCursor(secret, key, cursor)).toBe('page-token-42');
  });

  it('does not depend on the key order of the filter', () => {
    const cursor = encodeCursor(secret, key, 't');
    expect(decodeCursor(secret, { ...key, filter: { from: '2024-01-01', type: 'ENTRY' } }, cursor)).toBe('t');
  });

  it('refuses a replay in another tenant, company or filter', () => {
    const cursor = encodeCursor(secret, key, 't');
    rejects(() => decodeCursor(secret, { ...key, tenantId: 'other' }, cursor));
    rejects(() => decodeCursor(secret, { ...key, connection: 'entries:MYUNISOFT:999' }, cursor));
    rejects(() => decodeCursor(secret, { ...key, filter: { type: 'MANUAL' } }, cursor));
  });

  it('refuses tampering and foreign secrets', () => {
    const cursor = encodeCursor(secret, key, 't');
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ t: 'acme', c: 'x', r: 'evil' })).toString('base64url');
    rejects(() => decodeCursor(secret, key, `${forged}.${mac}`));
    rejects(() => decodeCursor(secret, key, `${payload}.${mac.slice(0, -2)}`));
    rejects(() => decodeCursor(secret, key, 'garbage'));
    rejects(() => decodeCursor('another-secret-another-secret-xxxxxx', key, cursor));
  });

  it('stableJson sorts keys and drops undefined', () => {
    expect(stableJson({ b: 1, a: [{ d: undefined, c: 2 }] })).toBe('{"a":[{"c":2}],"b":1}');
  });
});
