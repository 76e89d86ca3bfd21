/**
 * HMAC-SHA256 signed tokens (`<base64url payload>.<base64url mac>`) for cursors and download links.
 * Threat: a caller forging or editing a token to read another tenant's data or to inject an arbitrary
 * provider resume token. The MAC covers the whole payload and is compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function mac(secret: string, purpose: string, payload: string): Buffer {
  // The purpose is mixed in so a cursor can never be replayed as a download token and vice versa.
  return createHmac('sha256', secret).update(purpose).update('\0').update(payload).digest();
}

export function signToken(secret: string, purpose: string, value: unknown): string {
  const payload = b64(JSON.stringify(value));
  return `${payload}.${b64(mac(secret, purpose, payload))}`;
}

/** Returns the signed value, or null when the token is malformed or its signature does not match. */
export function verifyToken(secret: string, purpose: string, token: string): unknown {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 8192) return null;
  const payload = token.slice(0, dot);
  // The MAC's text is compared, not its decoded bytes: base64url decoding ignores the last character's
  // spare bits, so one MAC would otherwise have several spellings (a token could be edited and still pass).
  const given = Buffer.from(token.slice(dot + 1), 'utf8');
  const expected = Buffer.from(b64(mac(secret, purpose, payload)), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
