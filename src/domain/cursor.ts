/**
 * Connection cursors: HMAC-signed, bound to the tenant and to the connection they came from
 * (company + filter), carrying the provider's resume token. Threats: replaying a cursor of another
 * tenant or another company to read past the allowlist, and editing the resume token sent upstream.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BadUserInputError } from '../errors';
import { signToken, verifyToken } from './signed-token';

const PURPOSE = 'cursor';
const payloadShape = z.object({ t: z.string(), c: z.string(), r: z.string() }).strict();

/** Identifies one connection: what is listed, for which company, with which filter. */
export interface ConnectionKey {
  tenantId: string;
  /** e.g. `entries:MYUNISOFT:123` or `companies:*`. */
  connection: string;
  /** The validated filter; hashed so equal filters give equal keys whatever the key order. */
  filter?: unknown;
}

export function connectionHash(key: ConnectionKey): string {
  return createHash('sha256')
    .update(key.connection)
    .update('\0')
    .update(stableJson(key.filter ?? null))
    .digest('base64url');
}

export function encodeCursor(secret: string, key: ConnectionKey, resumeToken: string): string {
  return signToken(secret, PURPOSE, { t: key.tenantId, c: connectionHash(key), r: resumeToken });
}

/** Returns the resume token; any tampering or replay across tenants/connections is BAD_USER_INPUT on `field`. */
export function decodeCursor(secret: string, key: ConnectionKey, cursor: string, field = 'after'): string {
  const parsed = payloadShape.safeParse(verifyToken(secret, PURPOSE, cursor));
  if (!parsed.success || parsed.data.t !== key.tenantId || parsed.data.c !== connectionHash(key)) {
    throw new BadUserInputError(`${field} is not a cursor of this connection.`, field);
  }
  return parsed.data.r;
}

/** JSON with sorted object keys and undefined members dropped. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
