/**
 * `GET /metrics` over real HTTP after real queries: upstream series of the four providers by route
 * template and status, the GraphQL request counter and histogram, DataLoader batch sizes, list cache
 * hits and misses, default process metrics, and the breaker gauge going to 2 when faults open it.
 * Two gateways share the simulators: each has its own registry.
 */
import { print } from 'graphql';
import { ListCompaniesDocument } from '@grand-livre/sdk';
import { PROBES, PROBE_QUERY, probeVariables } from '../faults/provider-probes';
import { startObservedGateway, type ObservedGateway } from './observed-gateway';

let cached: ObservedGateway;
let fragile: ObservedGateway;
beforeAll(async () => {
  cached = await startObservedGateway({ logLevel: 'silent' });
  fragile = await startObservedGateway({
    logLevel: 'silent',
    sims: cached.sims,
    configure: (config) => ({
      ...config,
      cache: { listTtlMs: 0 },
      http: { maxRetries: 0, breaker: { failureThreshold: 3, resetTimeoutMs: 60_000 } },
    }),
  });
});
afterAll(async () => {
  await fragile.close();
  await cached.close();
});

/** `name{labels} value` samples of the exposition text, labels as an object. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const out: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[pair[1]!] = pair[2]!;
    out.push({ labels, value: Number(match[3]) });
  }
  return out;
}

const valueOf = (text: string, name: string, labels: Record<string, string>) =>
  samples(text, name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

async function scrape(gateway: ObservedGateway): Promise<string> {
  const response = await gateway.get('/metrics');
  expect(response.status).toBe(200);
  return response.text;
}

describe('/metrics', () => {
  it('shows upstream, GraphQL, batch, cache and process series after a companies query', async () => {
    for (let i = 0; i < 2; i++) {
      const result = await cached.gql(print(ListCompaniesDocument), {});
      expect(result.body.errors).toBeUndefined();
    }
    const probe = await cached.gql(PROBE_QUERY, probeVariables(cached.sims));
    expect(probe.body.errors).toBeUndefined();
    const text = await scrape(cached);

    const upstream = samples(text, 'upstream_requests_total');
    expect(new Set(upstream.map((s) => s.labels.provider))).toEqual(
      new Set(['jepilote', 'myunisoft', 'inqom', 'pleo']),
    );
    for (const sample of upstream) {
      expect(sample.labels.route).toMatch(/^\/[^?]*$/);
      expect(sample.labels.status).toMatch(/^\d{3}$/);
    }
    expect(
      valueOf(text, 'upstream_requests_total', {
        provider: 'myunisoft',
        route: '/api/v1/society',
        status: '200',
      }),
    ).toBe(1);
    // Ids never reach a label: routes are templates (the firm id of Inqom's folder route is `:id`).
    expect(upstream.filter((s) => /\/(\d+|[0-9a-f-]{36})(\/|$)/.test(s.labels.route ?? ''))).toEqual([]);
    expect(
      valueOf(text, 'upstream_requests_total', {
        provider: 'inqom',
        route: '/provisioning/companies/:id/accounting-folders',
      }),
    ).toBe(1);
    expect(
      valueOf(text, 'upstream_request_duration_seconds_count', { provider: 'jepilote', route: '/companies' }),
    ).toBe(1);

    expect(valueOf(text, 'graphql_requests_total', { operation: 'ListCompanies', outcome: 'success' })).toBe(
      2,
    );
    expect(valueOf(text, 'graphql_requests_total', { operation: 'Probe', outcome: 'success' })).toBe(1);
    expect(
      valueOf(text, 'graphql_request_duration_seconds_count', {
        operation: 'ListCompanies',
        outcome: 'success',
      }),
    ).toBe(2);

    // The second ListCompanies was answered from the list cache: a miss then a hit per provider.
    expect(
      valueOf(text, 'cache_lookups_total', { cache: 'companies', result: 'miss' }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      valueOf(text, 'cache_lookups_total', { cache: 'companies', result: 'hit' }),
    ).toBeGreaterThanOrEqual(4);

    for (const loader of ['jepilote.companies', 'myunisoft.societies', 'inqom.folders'])
      expect(valueOf(text, 'dataloader_batch_size_count', { loader })).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(text, 'dataloader_batch_size_bucket', { loader: 'myunisoft.societies', le: '1' }),
    ).toBeGreaterThanOrEqual(1);

    expect(samples(text, 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(samples(text, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
    for (const provider of ['jepilote', 'myunisoft', 'inqom', 'pleo'])
      expect(valueOf(text, 'circuit_breaker_state', { provider })).toBe(0);

    // The other gateway's registry saw none of it.
    expect(samples(await scrape(fragile), 'graphql_requests_total')).toEqual([]);
  });

  it('reports an open breaker as 2, for that provider only', async () => {
    const { method, path } = PROBES.myunisoft;
    fragile.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 503, method, path });
    try {
      for (let i = 0; i < 3; i++) await fragile.gql(PROBE_QUERY, probeVariables(fragile.sims));
      const text = await scrape(fragile);
      expect(valueOf(text, 'circuit_breaker_state', { provider: 'myunisoft' })).toBe(2);
      expect(valueOf(text, 'circuit_breaker_state', { provider: 'inqom' })).toBe(0);
      expect(
        valueOf(text, 'upstream_requests_total', {
          provider: 'myunisoft',
          route: '/api/v1/society',
          status: '503',
        }),
      ).toBe(3);
      expect(valueOf(text, 'graphql_requests_total', { operation: 'Probe', outcome: 'partial' })).toBe(3);
    } finally {
      fragile.sims.simulators.myunisoft.faults.clear();
    }
  });
});
