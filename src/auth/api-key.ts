/**
 * API key → tenant. Threat: guessing keys by timing. Keys are hashed (SHA-256) and compared in
 * constant time against every accepted hash of every tenant, so the time taken does not depend on
 * which tenant or how many leading bytes matched. Raw keys are never stored or logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TenantConfig } from '../config';

export const sha256Hex = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** Extracts the key of `Authorization: Bearer <key>`; null when absent or of another scheme. */
export function bearerKey(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer[ \t]+(\S{1,4096})\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}

export interface TenantDirectory {
  /** The tenant owning `apiKey`, or null. */
  findByApiKey(apiKey: string): TenantConfig | null;
  byId(tenantId: string): TenantConfig | undefined;
}

export function createTenantDirectory(tenants: readonly TenantConfig[]): TenantDirectory {
  const hashes = tenants.flatMap((tenant) =>
    tenant.apiKeySha256.map((hex) => ({ tenant, hash: Buffer.from(hex, 'hex') })),
  );
  const byId = new Map(tenants.map((t) => [t.id, t]));
  return {
    findByApiKey(apiKey) {
      const given = createHash('sha256').update(apiKey, 'utf8').digest();
      let found: TenantConfig | null = null;
      // No early exit: every hash is compared whatever matched first.
      for (const { tenant, hash } of hashes) {
        if (timingSafeEqual(given, hash) && !found) found = tenant;
      }
      return found;
    },
    byId: (tenantId) => byId.get(tenantId),
  };
}
