/**
 * A slot of a cockatiel bulkhead held past the call that took it (until response headers, or until a
 * body is read), with a bounded wait: the caller's queue timeout or abort refuses it at once.
 */
import { BulkheadRejectedError, bulkhead, type BulkheadPolicy } from 'cockatiel';

export type SlotRefusal = 'queue-full' | 'timeout' | 'aborted';

export interface SlotWait {
  /** Longest wait for a slot in ms; absent: no bound but the signal. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The error the caller gets for each refusal. */
  refuse(reason: SlotRefusal): Error;
}

/** `maxConcurrent` slots and `maxQueued` waiters (cockatiel's bulkhead). */
export const slotBulkhead = (maxConcurrent: number, maxQueued: number): BulkheadPolicy =>
  bulkhead(Math.max(1, maxConcurrent), maxQueued);

/** Resolves with the slot's release (call it once; later calls are ignored) or rejects with `refuse`. */
export function acquireSlot(slots: BulkheadPolicy, wait: SlotWait): Promise<() => void> {
  if (wait.signal?.aborted) return Promise.reject(wait.refuse('aborted'));
  return new Promise((resolve, reject) => {
    let waiting = true;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      waiting = false;
      if (timer) clearTimeout(timer);
      wait.signal?.removeEventListener('abort', onAbort);
    };
    const refuse = (reason: SlotRefusal) => {
      if (!waiting) return;
      stop();
      reject(wait.refuse(reason));
    };
    const onAbort = () => refuse('aborted');
    // A free slot is granted at once (synchronously): only a call that will queue needs a timer.
    if (wait.timeoutMs !== undefined && slots.executionSlots <= 0)
      timer = setTimeout(() => refuse('timeout'), wait.timeoutMs);
    wait.signal?.addEventListener('abort', onAbort, { once: true });
    // The bulkhead's own signal is not passed: 3.2 leaves an aborted waiter queued and stalls the ones behind it.
    slots
      .execute(
        () =>
          new Promise<void>((release) => {
            // A waiter that gave up while queued hands its slot on at once.
            if (!waiting) return release();
            stop();
            let released = false;
            resolve(() => {
              if (!released) release();
              released = true;
            });
          }),
      )
      .catch((error: unknown) => {
        if (error instanceof BulkheadRejectedError) refuse('queue-full');
        else refuse('aborted');
      });
  });
}
