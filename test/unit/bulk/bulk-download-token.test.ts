import { signBulkDownload, verifyBulkDownload } from '../../../src/bulk/bulk-download-token';
import { encodeCursor } from '../../../src/domain/cursor';

const secret = 'a-test-signing-secret-of-at-least-32-chars';

describe('bulk download tokens', () => {
  it('round-trips until expiry, and only with the secret', () => {
    const token = signBulkDownload(secret, { tenantId: 'demo', exportId: 'ab12', expiresAt: 2_000 });
    expect(verifyBulkDownload(secret, token, 1_999)).toEqual({
      tenantId: 'demo',
      exportId: 'ab12',
      expiresAt: 2_000,
    });
    expect(verifyBulkDownload(secret, token, 2_000)).toBeNull();
    expect(verifyBulkDownload(`${secret}x`, token, 0)).toBeNull();
  });

  it('refuses a token signed for another purpose (a cursor)', () => {
    const cursor = encodeCursor(secret, { tenantId: 'demo', connection: 'x' }, 'ab12');
    expect(verifyBulkDownload(secret, cursor, 0)).toBeNull();
  });
});
