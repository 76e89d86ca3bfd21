/**
 * Each provider's documented limits and slow routes, as defaults that config `upstream.providers`
 * overrides key by key: the request budget per credential, the concurrent calls per route, and
 * timeouts per provider and per route (a 150–250 MB MAD body must not meet a 15 s global bound).
 */
import type { ProviderName } from '../../errors';
import type { BudgetLimit } from './upstream-budget';

export interface RouteTimeouts {
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export interface ProviderUpstreamSettings extends RouteTimeouts {
  /** Calls per credential in any `perMs`; false: no budget. */
  budget?: BudgetLimit | false;
  /** Calls in flight at once on one route; false: only the provider-wide cap. */
  concurrentPerRoute?: number | false;
  /** Timeouts of one route, by its label (`GET /api/v1/mad/movements`). */
  routes?: Record<string, RouteTimeouts>;
}

export interface UpstreamSettings {
  /** How long a GraphQL request's calls may wait for budget, in ms (default 30,000). */
  waitMs?: number;
  /** How long one bulk export call may wait for budget, in ms (default 600,000). */
  bulkWaitMs?: number;
  providers?: Partial<Record<ProviderName, ProviderUpstreamSettings>>;
}

export const DEFAULT_WAIT_MS = 30_000;
export const DEFAULT_BULK_WAIT_MS = 600_000;

/** MAD answers whole periods: up to 250 MB, long to start and long to stream. */
const MAD_BULK: RouteTimeouts = { headersTimeoutMs: 120_000, bodyTimeoutMs: 120_000 };

export const PROVIDER_DEFAULTS: Record<ProviderName, ProviderUpstreamSettings> = {
  // 20 requests per 10 s per token, at most 10 concurrent calls on one route (providers.md).
  MYUNISOFT: {
    budget: { requests: 20, perMs: 10_000 },
    concurrentPerRoute: 10,
    routes: {
      'GET /api/v1/mad/movements': MAD_BULK,
      'GET /api/v1/mad/entries': MAD_BULK,
      'GET /api/v1/mad/all': MAD_BULK,
    },
  },
  // About 15 requests per second per client and user (providers.md).
  INQOM: { budget: { requests: 15, perMs: 1_000 } },
  // No documented quota: no budget unless configured.
  JEPILOTE: {},
  PLEO: {},
};

/** The defaults of `provider` with the configured keys laid over them (routes merged by label). */
export function providerSettings(
  provider: ProviderName,
  settings?: UpstreamSettings,
): ProviderUpstreamSettings {
  const base = PROVIDER_DEFAULTS[provider];
  const configured = settings?.providers?.[provider] ?? {};
  return { ...base, ...configured, routes: { ...base.routes, ...configured.routes } };
}
