/**
 * Pleo's two authentication schemes: `Bearer <JWT>`, or Basic with the API key as user name and an
 * empty password. Each demo account is issued one credential (credentials.ts: `demo` an API key,
 * `other` a bearer token), and sees only the companies whose owner it is. Scopes are not modelled:
 * the demo credentials hold `export-jobs:read|write` and `export-items:read`.
 */
import { timingSafeEqual } from 'node:crypto';
import { demoCredentials, type DemoOwner } from '../credentials';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The account an `Authorization` header authenticates, or null (→ 401). */
export function ownerFromAuthorization(header: string | undefined): DemoOwner | null {
  const match = /^(\w+) +(.+)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [, scheme = '', value = ''] = match;
  if (scheme.toLowerCase() === 'bearer') {
    return sameSecret(value, demoCredentials.pleo.other.token) ? 'demo-other' : null;
  }
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  // The documented scheme leaves the password empty; anything else is refused like a wrong key.
  if (password !== '') return null;
  return sameSecret(user, demoCredentials.pleo.demo.apiKey) ? 'demo' : null;
}
