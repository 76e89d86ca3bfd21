/**
 * Provider access tokens (Inqom's OAuth2 token, Jepilote's login token), shared by every request of a
 * tenant's account and by every gateway instance
 * on the same store. A token is fetched once and reused until shortly before it expires; concurrent
 * callers share one fetch (single flight in-process, a short store lock across instances); after a
 * 401 the rejected token is dropped once and a new one fetched.
 * Threat model: the store key holds a hash of the account, never the password or client secret; the
 * token itself is stored (it must be shared) with a TTL no longer than its own life.
 */
import { createHash } from 'node:crypto';
import { StoreUnavailableError } from '../store/errors';
import { FencedLease } from '../store/fenced-lease';
import type { SharedStore } from '../store/types';

export interface FetchedToken {
  accessToken: string;
  expiresInSeconds: number;
}

export interface TokenCacheOptions {
  store: SharedStore;
  /** Provider name, part of the store key (`inqom`, `jepilote`). */
  provider: string;
  tenantId: string;
  /** Identifies the account: hashed into the key. */
  account: { authUrl: string; clientId: string; username: string };
  fetchToken: () => Promise<FetchedToken>;
  /** Refresh this long before expiry, in ms (default 60,000; at most half the token's life). */
  marginMs?: number;
  /** How long one instance may hold the refresh lock, in ms (default 10,000). */
  lockTtlMs?: number;
  /** Poll interval while another instance refreshes, in ms (default 50). */
  pollMs?: number;
  now?: () => number;
}

interface StoredToken {
  accessToken: string;
  /** When to stop using it (expiry minus the margin), epoch ms. */
  refreshAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SharedTokenCache {
  private readonly key: string;
  private readonly lockKey: string;
  private readonly now: () => number;
  private local: StoredToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(private readonly options: TokenCacheOptions) {
    const { authUrl, clientId, username } = options.account;
    const accountHash = createHash('sha256')
      .update(`${authUrl}\n${clientId}\n${username}`)
      .digest('hex')
      .slice(0, 32);
    this.key = `tenant:${options.tenantId}:${options.provider}:token:${accountHash}`;
    this.lockKey = `${this.key}:lock`;
    this.now = options.now ?? Date.now;
  }

  /** A token believed valid: the in-process copy, the store's, or a fresh one. */
  async get(): Promise<string> {
    if (this.local && this.local.refreshAt > this.now()) return this.local.accessToken;
    return this.inflight ?? (await this.readStored().catch(() => null)) ?? this.singleFlight();
  }

  /** After `rejected` got a 401: drops it (unless already replaced) and returns a fresh token. */
  async refresh(rejected: string): Promise<string> {
    if (this.local?.accessToken === rejected) this.local = null;
    if (this.local && this.local.refreshAt > this.now()) return this.local.accessToken;
    // Started synchronously, so every concurrent 401 in this process joins the same refresh.
    this.inflight ??= this.replace(rejected).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async replace(rejected: string): Promise<string> {
    const stored = await this.readStored().catch(() => null);
    if (stored && stored !== rejected) return stored; // another instance already refreshed
    this.local = null;
    if (stored === rejected) await this.options.store.delete(this.key).catch(() => undefined);
    return this.fetchUnderLock();
  }

  private singleFlight(): Promise<string> {
    this.inflight ??= this.fetchUnderLock().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetchUnderLock(): Promise<string> {
    // The store down degrades to one fetch per instance rather than failing the request.
    return this.sharedFetch().catch((error: unknown) => {
      if (error instanceof StoreUnavailableError) return this.fetchAndStore();
      throw error;
    });
  }

  private async sharedFetch(): Promise<string> {
    const { store, lockTtlMs = 10_000, pollMs = 50 } = this.options;
    const giveUpAt = this.now() + lockTtlMs;
    for (;;) {
      const lease = await FencedLease.acquire({ store, key: this.lockKey, ttlMs: lockTtlMs, now: this.now });
      if (lease) {
        try {
          return (await this.readStored()) ?? (await this.fetchAndStore());
        } finally {
          // Compare-and-delete: a fetch that outlived its lock never frees the next holder's.
          await lease.release();
        }
      }
      // Another instance is fetching: wait for its token rather than asking the provider twice.
      await sleep(pollMs);
      const stored = await this.readStored();
      if (stored) return stored;
      if (this.now() >= giveUpAt) return this.fetchAndStore();
    }
  }

  private async fetchAndStore(): Promise<string> {
    const { accessToken, expiresInSeconds } = await this.options.fetchToken();
    const lifeMs = expiresInSeconds * 1000;
    const marginMs = Math.min(this.options.marginMs ?? 60_000, lifeMs / 2);
    const token: StoredToken = { accessToken, refreshAt: this.now() + lifeMs - marginMs };
    this.local = token;
    await this.options.store
      .set(this.key, JSON.stringify(token), lifeMs - marginMs)
      .catch((error: unknown) => {
        if (!(error instanceof StoreUnavailableError)) throw error;
      });
    return accessToken;
  }

  private async readStored(): Promise<string | null> {
    const raw = await this.options.store.get(this.key);
    if (!raw) return null;
    try {
      const token = JSON.parse(raw) as StoredToken;
      if (typeof token.accessToken !== 'string' || !(token.refreshAt > this.now())) return null;
      this.local = token;
      return token.accessToken;
    } catch {
      return null;
    }
  }
}
