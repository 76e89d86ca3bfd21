/**
 * What the upstream client needs from the work it runs for, carried across async calls: whether it is
 * interactive (a GraphQL request) or bulk (an export), when it would rather fail than wait for budget,
 * and a tally of the provider calls it made and the budget left, which the GraphQL response reports.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProviderName } from '../../errors';
import type { CallPriority } from './upstream-budget';

export interface UpstreamUsage {
  /** Provider calls sent (429s and retries included). */
  calls: Partial<Record<ProviderName, number>>;
  /** Calls left in the credential's budget after this work's last call, per provider with a budget. */
  budgetLeft: Partial<Record<ProviderName, number>>;
}

export interface UpstreamScope {
  priority: CallPriority;
  /** Epoch ms after which a call still waiting for budget fails; absent: each call waits its own `waitMs`. */
  deadline?: number;
  usage: UpstreamUsage;
}

const storage = new AsyncLocalStorage<UpstreamScope>();

/**
 * A GraphQL request's scope, found by the AbortSignal its sessions pass to every call: an
 * AsyncLocalStorage run per request turns on Node 20's promise hooks for every promise in the process,
 * ~15% of a request's CPU (bench/notes.md, 1 December evening). Bulk exports still run in `storage`.
 */
const bySignal = new WeakMap<AbortSignal, UpstreamScope>();

/** Makes `scope` the scope of the calls made with `signal`. */
export const bindUpstreamScope = (signal: AbortSignal, scope: UpstreamScope): void => {
  bySignal.set(signal, scope);
};

/**
 * A signal that never aborts but names the scope of `signal`: for a download other requests may share,
 * which the request that starts it must not cancel, yet pays for and counts.
 */
export const scopeOnlySignal = (signal?: AbortSignal): AbortSignal | undefined => {
  const scope = signal && bySignal.get(signal);
  if (!scope) return undefined;
  const detached = new AbortController().signal;
  bySignal.set(detached, scope);
  return detached;
};

/** The scope of a call made with `signal`, else of the work running now, if any (connectors called directly by tests have none). */
export const currentUpstreamScope = (signal?: AbortSignal | null): UpstreamScope | undefined =>
  (signal ? bySignal.get(signal) : undefined) ?? storage.getStore();

export const newUpstreamScope = (priority: CallPriority, deadline?: number): UpstreamScope => ({
  priority,
  ...(deadline !== undefined ? { deadline } : {}),
  usage: { calls: {}, budgetLeft: {} },
});

/** Runs `work` (and everything it starts) in `scope`. */
export const runInUpstreamScope = <T>(scope: UpstreamScope, work: () => T): T => storage.run(scope, work);

/** Runs a bulk export's reads behind every interactive request, each call waiting up to its own bound. */
export const runAsBulk = <T>(work: () => T): T => storage.run(newUpstreamScope('bulk'), work);
