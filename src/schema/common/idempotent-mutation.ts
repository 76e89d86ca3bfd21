/**
 * Idempotent mutations at the schema layer: validates the caller's `idempotencyKey` and runs the
 * mutation through src/idempotency (recorded outcome on retry, one attempt at a time across
 * instances, BAD_USER_INPUT for the same key with another input). Without a key the mutation simply
 * runs: nothing protects it against a retry.
 */
import { z } from 'zod';
import type { RequestContext } from '../../context';
import { runIdempotently } from '../../idempotency/run-idempotently';
import type { MutationJournal } from '../../providers/types';
import { parseInput } from './validation';

const FIELD = 'input.idempotencyKey';
const keyShape = z.string().min(1).max(255);

/** BAD_USER_INPUT on `input.idempotencyKey` unless absent or 1–255 characters (also checked before execution). */
export function validateIdempotencyKey(key: string | null | undefined): void {
  if (key !== null && key !== undefined) parseInput(keyShape, key, FIELD);
}

export async function withIdempotency<T>(
  ctx: RequestContext,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: (journal?: MutationJournal) => Promise<T>,
): Promise<T> {
  if (key === null || key === undefined) return run();
  validateIdempotencyKey(key);
  const options = ctx.idempotency ?? {};
  return runIdempotently({
    ...options,
    store: ctx.store,
    tenantId: ctx.tenant.id,
    key,
    operation,
    input,
    run,
  });
}
