/**
 * The per-request context: who is calling (tenant), the request id, a logger child, and — opened
 * lazily, at most once per provider — a fresh ProviderSession per provider, so DataLoader batching
 * and caching never cross requests or tenants. Nothing request-scoped lives anywhere else.
 */
import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { Caller } from './auth/access-scope';
import type { BulkExportRunner } from './bulk/bulk-export-runner';
import type { TenantConfig } from './config';
import type { Logger } from './logger';
import type { GlobalId } from './domain/ids';
import type { ProviderName } from './domain/model';
import type { TaggedNode } from './domain/tagged-node';
import { PROVIDERS } from './domain/model';
import type { ProviderConnector, ProviderSession } from './providers/types';
import type { SharedStore } from './store/types';
import type { IdempotencyOptions } from './idempotency/run-idempotently';
import { assertCompanyAllowed } from './auth/company-access';
import { NotFoundError } from './errors';

/** Per-request lookups of nodes by global id; the schema layer builds it (`ContextInput.nodeLoader`). */
export type NodeLoader = DataLoader<GlobalId, TaggedNode | null, string>;

/** A company a mutation opened a session for: what its caches must forget afterwards. */
export interface MutatedCompany {
  provider: ProviderName;
  companyId: string;
}

export interface RequestContext {
  requestId: string;
  /** The calling tenant; for an access token naming companies, narrowed to them. */
  tenant: TenantConfig;
  /** The API key, or an access token with its scopes and expiry. */
  caller: Caller;
  /** The clock of token and link expiries, epoch ms. */
  now(): number;
  logger: Logger;
  store: SharedStore;
  /** Secret signing cursors and download links. */
  signingSecret: string;
  /** Base URL of the gateway for links it hands out (export downloads). */
  publicUrl: string;
  /** Aborted when the client goes away: in-flight upstream calls are cancelled. */
  signal: AbortSignal;
  /** Providers the tenant has a connector for, in the public order. */
  providers: readonly ProviderName[];
  /** This request's session for a provider; NOT_FOUND when the tenant has none. */
  session(provider: ProviderName): ProviderSession;
  /** Checks the company against the tenant's allowlist (NOT_FOUND on `field`), then returns its session. */
  companySession(provider: ProviderName, companyId: string, field?: string): ProviderSession;
  /**
   * Like companySession, but its upstream calls are not cancelled when the client leaves: a mutation
   * runs to its end and records its outcome, so that the client's retry with the same key gets it.
   */
  mutationSession(provider: ProviderName, companyId: string, field?: string): ProviderSession;
  /** The companies mutationSession was opened for since the last call, then forgets them. */
  takeMutatedCompanies(): MutatedCompany[];
  /** Per-request lookups of nodes by global id, deduplicated (same id asked twice → one call). */
  nodes: NodeLoader;
  /**
   * The first call's promise for `key` within this request: a read-ahead and the resolver that later
   * asks the same page share one upstream call.
   */
  once<T>(key: string, run: () => Promise<T>): Promise<T>;
  /** Drops the shared promises: a mutation changes what the request's earlier reads returned. */
  forgetShared(): void;
  /** Drops what the request read (shared promises, sessions, cached nodes) and runs `onRelease`'s drops: once its response is sent. */
  release(): void;
  /** Adds a drop `release` runs: what another layer keeps of the request (Apollo's result) goes with the rest. */
  onRelease(drop: () => void): void;
  /**
   * Errors to add to the response while keeping the data (partial results, e.g. one provider down
   * while listing companies). The deferred-errors plugin appends them to `errors`.
   */
  deferredErrors: GraphQLError[];
  /** This gateway instance's bulk exports (absent in contexts built without the HTTP app). */
  bulkExports?: BulkExportRunner;
  /** Leases and windows of idempotent mutations (config.idempotency); absent: the defaults. */
  idempotency?: IdempotencyOptions;
}

export interface ContextInput {
  requestId: string;
  tenant: TenantConfig;
  /** Default: the API key. */
  caller?: Caller;
  /** Default: Date.now. */
  now?: () => number;
  logger: Logger;
  store: SharedStore;
  signingSecret: string;
  publicUrl: string;
  connectors: ReadonlyMap<ProviderName, ProviderConnector>;
  signal?: AbortSignal;
  /** The signal of mutation sessions, never aborted (default none); it names the request's upstream scope. */
  mutationSignal?: AbortSignal;
  bulkExports?: BulkExportRunner;
  idempotency?: IdempotencyOptions;
  /** Builds the request's node loader (src/schema/node/node.loader.ts); the context knows no schema. */
  nodeLoader: (ctx: RequestContext) => NodeLoader;
}

export function createContext(input: ContextInput): RequestContext {
  const sessions = new Map<ProviderName, ProviderSession>();
  const signal = input.signal ?? new AbortController().signal;
  const session = (provider: ProviderName): ProviderSession => {
    const open = sessions.get(provider);
    if (open) return open;
    const connector = input.connectors.get(provider);
    if (!connector) throw new NotFoundError('Company');
    const created = connector.openSession({ requestId: input.requestId, signal });
    sessions.set(provider, created);
    return created;
  };
  const shared = new Map<string, Promise<unknown>>();
  let mutated: MutatedCompany[] = [];
  let drops: (() => void)[] = [];
  const context: RequestContext = {
    requestId: input.requestId,
    tenant: input.tenant,
    caller: input.caller ?? { kind: 'API_KEY' },
    now: input.now ?? Date.now,
    logger: input.logger,
    store: input.store,
    signingSecret: input.signingSecret,
    publicUrl: input.publicUrl,
    signal,
    providers: PROVIDERS.filter((p) => input.connectors.has(p)),
    session,
    companySession(provider, companyId, field) {
      assertCompanyAllowed(input.tenant, provider, companyId, field);
      if (!input.connectors.has(provider)) throw new NotFoundError('Company', field);
      return session(provider);
    },
    mutationSession(provider, companyId, field) {
      assertCompanyAllowed(input.tenant, provider, companyId, field);
      const connector = input.connectors.get(provider);
      if (!connector) throw new NotFoundError('Company', field);
      mutated.push({ provider, companyId });
      return connector.openSession({
        requestId: input.requestId,
        ...(input.mutationSignal ? { signal: input.mutationSignal } : {}),
      });
    },
    takeMutatedCompanies() {
      const taken = mutated;
      mutated = [];
      return taken;
    },
    get nodes() {
      return nodes;
    },
    once<T>(key: string, run: () => Promise<T>): Promise<T> {
      const known = shared.get(key) as Promise<T> | undefined;
      if (known) return known;
      const started = run();
      shared.set(key, started);
      return started;
    },
    forgetShared: () => shared.clear(),
    release() {
      shared.clear();
      sessions.clear();
      nodes.clearAll();
      const run = drops;
      drops = [];
      for (const drop of run) drop();
    },
    onRelease(drop) {
      drops.push(drop);
    },
    deferredErrors: [],
    ...(input.bulkExports ? { bulkExports: input.bulkExports } : {}),
    ...(input.idempotency ? { idempotency: input.idempotency } : {}),
  };
  const nodes = input.nodeLoader(context);
  return context;
}
