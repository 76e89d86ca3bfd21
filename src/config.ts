/**
 * The gateway's configuration, validated with zod at boot. A bad config stops the process with one
 * readable message (see `formatIssues`). Secrets may be literal strings or `{ "env": "NAME" }`
 * references resolved from the environment, so a config file can be committed without secrets.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UNCERTAIN_WINDOW_MS } from './idempotency/run-idempotently';
import { isFetchableOrigin } from './providers/fetch-allowlist';

/** The environment `{ env }` references are resolved against while a config is parsed. */
let secretEnv: NodeJS.ProcessEnv = process.env;

const secret = z
  .union([z.string().min(1), z.object({ env: z.string().min(1) }).strict()])
  .transform((value, ctx): string => {
    if (typeof value === 'string') return value;
    const found = secretEnv[value.env];
    if (found === undefined || found === '') {
      ctx.addIssue({ code: 'custom', message: `environment variable ${value.env} is not set` });
      return z.NEVER;
    }
    return found;
  });

const url = z.url({ protocol: /^https?$/ });

const jepiloteAccount = z.object({ baseUrl: url, username: secret, password: secret }).strict();

const myunisoftAccount = z
  .object({
    baseUrl: url,
    apiToken: secret,
    thirdPartySecret: secret,
    /** `firm` ("accès cabinet") tokens send `society-id`; `company` tokens are bound to one society. */
    access: z.enum(['firm', 'company']).default('firm'),
  })
  .strict();

/** A browser origin: scheme, host and port, nothing else (what a browser sends in `Origin`). */
const origin = z
  .string()
  .refine(
    (value) =>
      URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value,
    'expected an origin such as https://app.example.com (scheme, host, optional port; no path or slash)',
  );

/** An origin the gateway fetches provider-given URLs from (src/providers/fetch-allowlist.ts). */
const fetchOrigin = origin.refine(isFetchableOrigin, 'must be https (plain http only on a loopback host)');

const inqomAccount = z
  .object({
    authUrl: url,
    apiUrl: url,
    /**
     * Origins besides `apiUrl`'s that Inqom's thumbnail URLs may be fetched from (its blob storage,
     * e.g. https://fredprodstorage.blob.core.windows.net); default none.
     */
    thumbnailOrigins: z.array(fetchOrigin).default([]),
    username: secret,
    password: secret,
    clientId: secret,
    clientSecret: secret,
    /** Inqom's firm (provisioning company) id whose accounting folders are listed. */
    firmId: z.string().min(1),
  })
  .strict();

const pleoAccount = z
  .object({
    baseUrl: url,
    auth: z.discriminatedUnion('type', [
      z.object({ type: z.literal('bearer'), token: secret }).strict(),
      z.object({ type: z.literal('basic'), apiKey: secret }).strict(),
    ]),
    /** Pleo's Export API has no company listing: the companies this account serves. */
    companies: z
      .array(
        z
          .object({
            id: z.string().min(1),
            name: z.string().min(1),
            siren: z.string().nullable().default(null),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const companyAllowList = z.union([z.literal('*'), z.array(z.string().min(1))]);

const tenant = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'tenant ids are lowercase letters, digits and dashes'),
    name: z.string().min(1),
    /** SHA-256 (hex) of each accepted API key; several so a key can be rotated. */
    apiKeySha256: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256')).min(1),
    providers: z
      .object({
        jepilote: jepiloteAccount.optional(),
        myunisoft: myunisoftAccount.optional(),
        inqom: inqomAccount.optional(),
        pleo: pleoAccount.optional(),
      })
      .strict(),
    /** Native company ids this tenant may see, per provider; `*` means every company the account sees. */
    companies: z
      .object({
        JEPILOTE: companyAllowList.optional(),
        MYUNISOFT: companyAllowList.optional(),
        INQOM: companyAllowList.optional(),
        PLEO: companyAllowList.optional(),
      })
      .strict()
      .default({}),
    /** Origins whose pages may call the gateway from a browser (CORS, src/server/cors); default none. */
    allowedOrigins: z.array(origin).default([]),
    /**
     * Key signing this tenant's access tokens and download links; rotating it revokes them all at once.
     * Default: derived from `signingSecret` and the tenant id.
     */
    tokenSigningKey: secret.optional(),
  })
  .strict();

const limits = z
  .object({
    maxDepth: z.number().int().positive().default(12),
    maxCost: z.number().int().positive().default(50_000),
    maxAliases: z.number().int().positive().default(30),
    maxDirectives: z.number().int().positive().default(50),
    maxTokens: z.number().int().positive().default(2_000),
    maxBatchOperations: z.number().int().positive().default(10),
    maxBodyBytes: z.number().int().positive().default(1_048_576),
    maxUploadBytes: z
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
  })
  .strict();

/** Upstream HTTP tuning shared by every provider; an absent key keeps the client default shown. */
const http = z
  .object({
    /** Connect timeout in ms (default 5,000). */
    connectTimeoutMs: z.number().int().positive().optional(),
    /** Time to receive a response's headers in ms (default 15,000). */
    headersTimeoutMs: z.number().int().positive().optional(),
    /** Longest idle time between body chunks in ms, e.g. a stalled body (default 30,000). */
    bodyTimeoutMs: z.number().int().positive().optional(),
    /** Time to a write's (POST not retried) response headers in ms (default 60,000; reads use headersTimeoutMs). */
    writeTimeoutMs: z.number().int().positive().optional(),
    /** Retries of idempotent calls (GETs, token calls) on network errors, 429 and 5xx (default 2). */
    maxRetries: z.number().int().min(0).max(10).optional(),
    /** Base backoff in ms, doubled per attempt with full jitter (default 100). */
    retryBaseMs: z.number().int().positive().optional(),
    /** Cap on the total time one call spends retrying, Retry-After waits included, in ms (default 5,000). */
    retryBudgetMs: z.number().int().min(0).optional(),
    /** Circuit breaker per provider connector (default 5 consecutive failures, one probe after 10,000 ms). */
    breaker: z
      .object({
        failureThreshold: z.number().int().positive().optional(),
        resetTimeoutMs: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const routeTimeouts = z
  .object({
    headersTimeoutMs: z.number().int().positive().optional(),
    bodyTimeoutMs: z.number().int().positive().optional(),
  })
  .strict();

/** One provider's limits over its documented defaults (src/providers/resilience/upstream-settings.ts). */
const providerUpstream = routeTimeouts
  .extend({
    /** Calls per credential in any `perMs` interval; `false` turns the budget off. */
    budget: z
      .union([
        z.literal(false),
        z.object({ requests: z.number().int().positive(), perMs: z.number().int().positive() }).strict(),
      ])
      .optional(),
    /** Calls in flight at once on one route; `false` leaves only the provider-wide cap. */
    concurrentPerRoute: z.union([z.literal(false), z.number().int().positive()]).optional(),
    /** Timeouts of single routes, keyed by route label (`GET /api/v1/mad/movements`). */
    routes: z.record(z.string().min(1), routeTimeouts).optional(),
  })
  .strict();

/** Upstream budgets per (provider, credential), concurrency per route, timeouts per provider and route. */
const upstream = z
  .object({
    /** How long a GraphQL request's calls may wait for budget before UPSTREAM_RATE_LIMITED, in ms (default 30,000). */
    waitMs: z.number().int().positive().optional(),
    /** How long one call of a bulk export may wait for budget, in ms (default 600,000). */
    bulkWaitMs: z.number().int().positive().optional(),
    /** Per provider (JEPILOTE, MYUNISOFT, INQOM, PLEO): overrides of the documented limits. */
    providers: z
      .partialRecord(z.enum(['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO']), providerUpstream)
      .optional(),
  })
  .strict();

/** Checked without echoing the value: a Redis URL may carry a password. */
export const redisUrlSchema = z
  .string()
  .regex(/^rediss?:\/\//, 'expected redis:// or rediss://')
  .refine((value) => URL.canParse(value), 'not a valid URL (expected redis://host:port)');

const shutdown = z
  .object({
    /** How long SIGTERM waits for in-flight requests before cutting them off, in ms (default 10,000). */
    drainTimeoutMs: z.number().int().min(0).default(10_000),
  })
  .strict();

/** Idempotent mutations (src/idempotency). */
const idempotency = z
  .object({
    /** Lease of one attempt on its key, renewed while it runs, in ms (default 30,000). */
    leaseMs: z.number().int().positive().default(30_000),
    /** How long a duplicate waits for the running attempt before IDEMPOTENCY_IN_PROGRESS, in ms (default 10,000). */
    waitMs: z.number().int().min(0).default(10_000),
    /**
     * How long a provider may still commit a write whose outcome was lost, in ms from its dispatch
     * (default 90,000, past http.writeTimeoutMs): until then a retry that finds nothing answers
     * IDEMPOTENCY_OUTCOME_UNCERTAIN instead of writing.
     */
    uncertainWindowMs: z.number().int().min(0).default(UNCERTAIN_WINDOW_MS),
  })
  .strict();

/** The shared store's client (src/store). */
const store = z
  .object({
    /** Longest wait for one store command, in ms (default 200): reads fall back, keyed mutations answer STORE_UNAVAILABLE. */
    commandTimeoutMs: z.number().int().positive().default(200),
  })
  .strict();

/** Where bulk export files live (src/bulk/blob): every instance must see the same storage. */
const bulkStorage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('directory'),
      /** Default `os.tmpdir()/grand-livre-bulk`: one instance, or a volume all instances mount. */
      path: z.string().min(1).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('s3'),
      bucket: z.string().min(3),
      region: z.string().min(1).default('us-east-1'),
      /** A non-AWS endpoint (MinIO…), path-style. */
      endpoint: url.optional(),
      prefix: z.string().default('bulk-exports/'),
      /** Absent: the AWS SDK's default credential chain. */
      accessKeyId: secret.optional(),
      secretAccessKey: secret.optional(),
    })
    .strict(),
]);

/** Bulk exports (src/bulk). */
const bulk = z
  .object({
    storage: bulkStorage.default({ type: 'directory' }),
    /** Lease of a running export, renewed while it runs, in ms (default 30,000). */
    leaseMs: z.number().int().positive().default(30_000),
    /** Runs of one export (its instances dying) before it fails with GATEWAY_RESTARTED (default 3). */
    maxAttempts: z.number().int().positive().default(3),
    /** How often each instance looks for exports nobody runs, in ms (default 5,000). */
    sweepMs: z.number().int().positive().default(5_000),
  })
  .strict();

/** Caches on the shared store (src/cache). */
const cache = z
  .object({
    /** How long company and exercise lists stay cached, in ms (default 300,000; 0 turns the cache off). */
    listTtlMs: z.number().int().min(0).default(300_000),
    /**
     * How long a snapshot of a listing the provider cannot page (MyUnisoft entries, MAD movement windows)
     * serves later pages, in ms (default 60,000; at least 1,000, at most 3,600,000).
     */
    snapshotTtlMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    /**
     * Most bytes of decoded snapshot chunks (movement windows, entry listings) one instance keeps for
     * later pages, shared by all tenants, least recently used out (default 33,554,432 = 32 MiB; 0: none).
     */
    windowBytes: z
      .number()
      .int()
      .min(0)
      .default(32 * 1024 * 1024),
  })
  .strict();

/** GraphiQL at `/graphiql` (src/server/graphiql). */
const graphiql = z
  .object({
    /** Serve GraphiQL at `/graphiql` (default true). */
    enabled: z.boolean().default(true),
    /** Request headers the page opens with (demo mode: the demo key); default none, the user types the key. */
    defaultHeaders: z.record(z.string().min(1), z.string()).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4000),
    /** Public base URL used in links the gateway hands out (export downloads); defaults to http://host:port. */
    publicUrl: url.optional(),
    /** Secret that signs cursors and download links; at least 32 characters. */
    signingSecret: secret,
    /** Shared store for several instances (`REDIS_URL` overrides it); absent: in memory, one instance. */
    redisUrl: redisUrlSchema.optional(),
    /** Introspection; default off when NODE_ENV=production, on otherwise (src/server/limits/schema-exposure.ts). */
    introspection: z.boolean().optional(),
    /** "Did you mean …?" suggestions in validation errors; default off when NODE_ENV=production, on otherwise. */
    fieldSuggestions: z.boolean().optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** OTLP/HTTP endpoint spans are exported to, e.g. `http://collector:4318` (OTEL_EXPORTER_OTLP_ENDPOINT overrides); absent: no export. */
    otlpEndpoint: url.optional(),
    limits: limits.default(limits.parse({})),
    http: http.default({}),
    upstream: upstream.default({}),
    shutdown: shutdown.default(shutdown.parse({})),
    cache: cache.default(cache.parse({})),
    idempotency: idempotency.default(idempotency.parse({})),
    store: store.default(store.parse({})),
    bulk: bulk.default(bulk.parse({})),
    graphiql: graphiql.default(graphiql.parse({})),
    tenants: z.array(tenant).min(1),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    const hashes = new Set<string>();
    config.tenants.forEach((t, i) => {
      if (ids.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['tenants', i, 'id'],
          message: `duplicate tenant id "${t.id}"`,
        });
      ids.add(t.id);
      t.apiKeySha256.forEach((hash, j) => {
        if (hashes.has(hash))
          ctx.addIssue({
            code: 'custom',
            path: ['tenants', i, 'apiKeySha256', j],
            message: 'an API key hash is used twice',
          });
        hashes.add(hash);
      });
    });
  });

export type ConfigInput = z.input<typeof configSchema>;
/** The resolved config: every `{ env }` reference replaced by its value. */
export type GatewayConfig = z.infer<typeof configSchema>;
export type TenantConfig = GatewayConfig['tenants'][number];
export type ProviderAccounts = TenantConfig['providers'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates raw config (already JSON-parsed) and resolves env references against `env`. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  secretEnv = env;
  try {
    const result = configSchema.safeParse(raw);
    if (!result.success) throw new ConfigError(formatIssues(result.error.issues));
    if (result.data.signingSecret.length < 32)
      throw new ConfigError('signingSecret: must be at least 32 characters');
    const shortKey = result.data.tenants.findIndex(
      (t) => t.tokenSigningKey !== undefined && t.tokenSigningKey.length < 32,
    );
    if (shortKey >= 0)
      throw new ConfigError(`tenants.${shortKey}.tokenSigningKey: must be at least 32 characters`);
    return result.data;
  } finally {
    secretEnv = process.env;
  }
}

/** Reads and validates the JSON config file at `path`. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON`);
  }
  return parseConfig(raw, env);
}

function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Every secret string of a resolved config, for log and response scrubbing tests. */
export function collectSecrets(config: GatewayConfig): string[] {
  const out: string[] = [config.signingSecret];
  for (const t of config.tenants) {
    if (t.tokenSigningKey) out.push(t.tokenSigningKey);
    const p = t.providers;
    if (p.jepilote) out.push(p.jepilote.password);
    if (p.myunisoft) out.push(p.myunisoft.apiToken, p.myunisoft.thirdPartySecret);
    if (p.inqom) out.push(p.inqom.password, p.inqom.clientSecret);
    if (p.pleo) out.push(p.pleo.auth.type === 'bearer' ? p.pleo.auth.token : p.pleo.auth.apiKey);
  }
  const storage = config.bulk?.storage;
  if (storage?.type === 's3' && storage.secretAccessKey) out.push(storage.secretAccessKey);
  return [...new Set(out.filter((s) => s.length >= 6))];
}
