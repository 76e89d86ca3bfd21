/**
 * What the shared store holds per idempotency key: the input's hash (binding the key to one input),
 * the state, and either the recorded outcome or the last checkpoint of an unfinished attempt.
 * Store keys hash the caller's key, so a key never appears in Redis in clear and cannot inject `:`.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stableJson } from '../domain/cursor';

export const idempotencyRecordShape = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('pending'),
    hash: z.string(),
    checkpoint: z.unknown().optional(),
    /** When the last checkpoint was saved or the attempt ended unknown: the uncertainty window starts here. */
    at: z.number().default(0),
  }),
  z.object({ state: z.literal('done'), hash: z.string(), outcome: z.unknown() }),
]);
export type IdempotencyRecord = z.infer<typeof idempotencyRecordShape>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface IdempotencyKeys {
  /** The record (input hash, state, outcome or checkpoint). */
  record: string;
  /** Held by the one attempt running now, on whichever instance; renewed while it runs. */
  lock: string;
  /** The provider-side reference of the write (`MutationJournal.writeId`): two tenants' equal keys never share it. */
  writeId: string;
}

export function idempotencyKeys(tenantId: string, key: string): IdempotencyKeys {
  const record = `tenant:${tenantId}:idempotency:${sha256(key)}`;
  const writeId = `gl-${sha256(`${tenantId}\n${key}`).slice(-32)}`;
  return { record, lock: `${record}:lock`, writeId };
}

/** Same operation and input, same hash, whatever the order of object keys. */
export const inputHash = (operation: string, input: unknown): string =>
  sha256(stableJson({ operation, input }));

/** Parses a stored record; anything unreadable counts as absent (it is then overwritten). */
export function parseRecord(raw: string | null): IdempotencyRecord | null {
  if (raw === null) return null;
  try {
    const parsed = idempotencyRecordShape.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
