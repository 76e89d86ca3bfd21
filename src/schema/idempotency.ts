/**
 * Idempotent mutations. The outcome of a mutation sent with an `idempotencyKey` is recorded in the
 * shared store under tenant + key, with a hash of the input: the same key and input again return the
 * recorded outcome without calling the provider a second time; the same key with another input is
 * BAD_USER_INPUT. Records are tenant-scoped, so keys never collide across tenants.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../context';
import { stableJson } from '../domain/cursor';
import { BadUserInputError } from '../errors';
import { parseInput } from './common/validation';

/** Outcomes are kept a day; a pending marker expires sooner so a crashed call can be retried. */
const OUTCOME_TTL_MS = 24 * 60 * 60 * 1000;
const PENDING_TTL_MS = 5 * 60 * 1000;
const FIELD = 'input.idempotencyKey';

const recordShape = z.object({
  hash: z.string(),
  state: z.enum(['pending', 'done']),
  outcome: z.unknown().optional(),
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function withIdempotency<T>(
  ctx: RequestContext,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: () => Promise<T>,
): Promise<T> {
  if (key === null || key === undefined) return run();
  parseInput(z.string().min(1).max(255), key, FIELD);
  const storeKey = `tenant:${ctx.tenant.id}:idempotency:${sha256(key)}`;
  const hash = sha256(stableJson({ operation, input }));
  const pending = JSON.stringify({ hash, state: 'pending' });
  if (!(await ctx.store.setIfAbsent(storeKey, pending, PENDING_TTL_MS))) {
    const raw = await ctx.store.get(storeKey);
    const record = recordShape.safeParse(raw === null ? null : JSON.parse(raw));
    if (!record.success)
      throw new BadUserInputError('This idempotency key cannot be used right now; retry.', FIELD);
    if (record.data.hash !== hash)
      throw new BadUserInputError('This idempotency key was used with a different input.', FIELD);
    if (record.data.state === 'pending')
      throw new BadUserInputError(
        'A request with this idempotency key is still in progress; retry later.',
        FIELD,
      );
    return record.data.outcome as T;
  }
  try {
    const outcome = await run();
    await ctx.store.set(storeKey, JSON.stringify({ hash, state: 'done', outcome }), OUTCOME_TTL_MS);
    return outcome;
  } catch (error) {
    // A failed call records nothing: the caller may retry with the same key.
    await ctx.store.delete(storeKey);
    throw error;
  }
}
