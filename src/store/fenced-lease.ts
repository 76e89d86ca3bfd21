/**
 * A lock on the shared store held for a bounded time, renewed while its holder works, with a fencing
 * token. Threat: a holder paused longer than its lease (a Redis stall, a GC pause, a slow provider)
 * wakes up believing it still holds the lock while a successor runs. So the holder counts its lease
 * locally from the moment it asked for it (never trusting a late answer), renewal and release are
 * compare-and-extend / compare-and-delete on its own token, and `assertHeld()` is called before each
 * side effect: a lease that may have lapsed stops the holder there.
 */
import { LeaseLostError } from './errors';
import type { SharedStore } from './types';

export interface LeaseOptions {
  store: SharedStore;
  key: string;
  /** Lease lifetime in ms; renewed every third of it while held. */
  ttlMs: number;
  now?: () => number;
}

export class FencedLease {
  private validUntil: number;
  private lost = false;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly options: Required<LeaseOptions>,
    /** Higher than every earlier holder's: fenced writes of a stale holder are refused. */
    readonly fence: number,
    startedAt: number,
  ) {
    this.validUntil = startedAt + options.ttlMs;
  }

  /** The lease when it was free, else null. Store errors propagate (StoreUnavailableError). */
  static async acquire(options: LeaseOptions): Promise<FencedLease | null> {
    const full = { now: Date.now, ...options };
    const startedAt = full.now();
    const fence = await full.store.acquireFenced(full.key, full.ttlMs);
    return fence === null ? null : new FencedLease(full, fence, startedAt);
  }

  /** True while the lease is certainly ours: not lost, and its local deadline not passed. */
  held(): boolean {
    return !this.lost && this.options.now() < this.validUntil;
  }

  /** Throws LeaseLostError when the lease may have lapsed: call before each side effect. */
  assertHeld(): void {
    if (!this.held()) throw new LeaseLostError();
  }

  /** Extends the lease; false (and lost for good) when the store says another holder has it or fails. */
  async renew(): Promise<boolean> {
    if (!this.held()) return false;
    const askedAt = this.options.now();
    try {
      const extended = await this.options.store.compareAndExtend(
        this.options.key,
        String(this.fence),
        this.options.ttlMs,
      );
      if (extended) this.validUntil = askedAt + this.options.ttlMs;
      else this.lost = true;
    } catch {
      // The store did not answer: the lease runs out at its local deadline unless a later renewal lands.
    }
    return this.held();
  }

  /** Renews every third of the lease until `release()`. */
  keepRenewing(): void {
    this.timer ??= setInterval(() => void this.renew(), this.options.ttlMs / 3);
    this.timer.unref();
  }

  /** Stops renewing and frees the lock if it is still ours (compare-and-delete: never a successor's). */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const wasHeld = !this.lost;
    this.lost = true;
    if (wasHeld)
      await this.options.store.compareAndDelete(this.options.key, String(this.fence)).catch(() => undefined);
  }
}
