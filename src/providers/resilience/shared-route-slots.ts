/**
 * A provider's cap on calls in flight per route and token, counted across the instances that share a
 * store: each call leases a slot, renewed while it runs, so the slot of an instance that died frees
 * itself when its lease lapses. Project code: cockatiel's bulkhead counts only its own process.
 */
import { randomUUID } from 'node:crypto';
import { ExponentialBackoff, halfJitterGenerator } from 'cockatiel';
import type { SharedStore } from '../../store/types';
import { abortableSleep } from './abortable-sleep';
import type { SlotRefusal } from './bulkhead-slot';

/** How long a slot outlives an instance that stopped renewing it. */
export const SLOT_LEASE_MS = 30_000;
/** Pauses between two tries for a full route's slot: 25 ms doubling up to 400 ms, each between half and whole. */
const PAUSES = new ExponentialBackoff({ initialDelay: 25, maxDelay: 400, generator: halfJitterGenerator });

export interface SharedSlotWait {
  /** When to give up waiting (epoch ms, the `now` clock). */
  deadline: number;
  signal?: AbortSignal;
  refuse(reason: SlotRefusal): Error;
}

export interface SharedRouteSlotsOptions {
  store: SharedStore;
  /** Slots per key: the provider's documented cap. */
  capacity: number;
  leaseMs?: number;
  now?: () => number;
  /** Waits `ms` (tests step a clock instead). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** This process's prefix of slot holders: two instances never share a holder name. */
const PROCESS_HOLDER = randomUUID();
let holders = 0;

export class SharedRouteSlots {
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: SharedRouteSlotsOptions) {
    this.leaseMs = options.leaseMs ?? SLOT_LEASE_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /**
   * A slot of `key`, waited for up to the deadline; resolves with its release (call it once the body is
   * read; later calls are ignored). Rejects with the store's error when the store does not answer.
   */
  async acquire(key: string, wait: SharedSlotWait): Promise<() => void> {
    const { store, capacity } = this.options;
    const holder = `${PROCESS_HOLDER}:${++holders}`;
    for (let pause = PAUSES.next(); ; pause = pause.next(undefined)) {
      if (wait.signal?.aborted) throw wait.refuse('aborted');
      let leased: boolean;
      try {
        leased = await store.leaseSlot(key, holder, capacity, this.leaseMs);
      } catch (error) {
        // The lease may have been taken before the answer was lost: give it back rather than wait out its lapse.
        void store.releaseSlot(key, holder).catch(() => undefined);
        throw error;
      }
      if (leased) return this.held(key, holder);
      if (this.now() + pause.duration > wait.deadline) throw wait.refuse('timeout');
      // An abort ends the pause; the next turn refuses it.
      await this.sleep(pause.duration, wait.signal).catch(() => undefined);
    }
  }

  /** Renews the lease while the call runs; the release stops that and gives the slot back. */
  private held(key: string, holder: string): () => void {
    const { store, capacity } = this.options;
    const renew = setInterval(
      () => void store.leaseSlot(key, holder, capacity, this.leaseMs).catch(() => undefined),
      this.leaseMs / 3,
    );
    renew.unref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(renew);
      void store.releaseSlot(key, holder).catch(() => undefined);
    };
  }
}
