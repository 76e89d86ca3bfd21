// Part 1: the same data through the gateway and straight from the simulator's REST API, at 0 ms and
// 30 ms simulated upstream latency, with the same connections, duration and load loop on both sides.
import { URLSearchParams } from 'node:url';
import { Agent, request } from 'undici';
import { companyGlobalId, demoCredentials, encodeGlobalId, gatewayConfig } from './dist.mjs';
import { gql } from './graphql.mjs';
import { autocannonRun } from './autocannon-check.mjs';
import { activateMyUnisoftToken, myUnisoftHeaders } from './myunisoft-direct.mjs';
import { runInterleaved } from './load.mjs';
import { startBareProxyChild, startGatewayChild, startSimulatorsChild } from './processes.mjs';

const MU_COMPANY = '2101';
const IQ_FOLDER = '11287';
const IQ_DOCUMENT = '9560000';
const ENTRY_CODES = ['e', 'o', 'ib', 'm', 'ext', 'l'];
const UPSTREAM_POOL_CONNECTIONS = 16;

async function json(url, init, dispatcher) {
  const response = await request(url, { ...init, dispatcher });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  return JSON.parse(text);
}

async function inqomToken(url) {
  const { clientId, clientSecret, demo } = demoCredentials.inqom;
  const form = new URLSearchParams({
    grant_type: 'password',
    scope: 'openid apidata',
    client_id: clientId,
    client_secret: clientSecret,
    username: demo.username,
    password: demo.password,
  });
  const body = await json(`${url}/identity/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return body.access_token;
}

const COMPANY_QUERY = 'query Company($id: ID!) { company(id: $id) { id name siren } }';
const ENTRIES_QUERY = `query Entries($id: ID!) { company(id: $id) { entries(first: 50) { edges { node {
  id date type journal { code label } debitTotal creditTotal lines { account { number name } label debit credit } } } } } }`;
const DOCUMENT_QUERY =
  'query Doc($id: ID!) { node(id: $id) { id ... on Document { name checksum downloadUrl } } }';

/** Each case: what the gateway is asked, and the REST calls a direct client makes for the same data. */
function cases(urls, token) {
  const mu = urls.myunisoft;
  const doc = `${urls.inqom}/api/accounting-documents/accounting-folders/${IQ_FOLDER}/Documents/${IQ_DOCUMENT}`;
  const iqHeaders = { authorization: `Bearer ${token}` };
  return [
    {
      name: 'company',
      upstream: 'MyUnisoft GET /api/v1/society (the firm lists its societies; the client picks one)',
      // The one case a bare proxy can answer (bare-proxy.mjs): its row prices the hop itself.
      bareProxy: true,
      query: COMPANY_QUERY,
      variables: { id: companyGlobalId('MYUNISOFT', MU_COMPANY) },
      direct: async (d) => {
        const list = await json(`${mu}/api/v1/society`, { headers: myUnisoftHeaders(null) }, d);
        if (!list.society_array.some((s) => String(s.society_id) === MU_COMPANY))
          throw new Error('no society');
      },
    },
    {
      name: 'entries page of 50',
      upstream:
        'MyUnisoft POST /api/v1/entries for each of the 6 entry types in parallel, merged by date, first 50; with the list cache on, the gateway answers a page asked again within cache.snapshotTtlMs (60 s) from its listing snapshot, without these calls',
      query: ENTRIES_QUERY,
      variables: { id: companyGlobalId('MYUNISOFT', MU_COMPANY) },
      direct: async (d) => {
        const lists = await Promise.all(
          ENTRY_CODES.map((code) =>
            json(
              `${mu}/api/v1/entries?type=${code}`,
              {
                method: 'POST',
                headers: { ...myUnisoftHeaders(MU_COMPANY), 'content-type': 'application/json' },
                body: JSON.stringify({ sort: { ecr: 'asc' }, filters: [{ name: 'type', value: code }] }),
              },
              d,
            ),
          ),
        );
        const all = lists.flatMap((l) => l.entry_array);
        if (all.length < 50) throw new Error('short page');
      },
    },
    {
      name: 'document + download URL',
      // The gateway signs its own download URL and calls only GET Documents/{id} per request (public-url is
      // asked when the link is followed); a direct client needs both calls for a usable URL.
      upstream:
        'Inqom GET Documents/{id} and GET Documents/{id}/public-url in parallel (token fetched once); the gateway calls only GET Documents/{id}: its downloadUrl is its own signed link, and public-url is asked when the link is followed',
      query: DOCUMENT_QUERY,
      variables: {
        id: encodeGlobalId({
          type: 'Document',
          provider: 'INQOM',
          companyId: IQ_FOLDER,
          nativeId: IQ_DOCUMENT,
        }),
      },
      direct: async (d) => {
        await Promise.all([
          json(doc, { headers: iqHeaders }, d),
          json(`${doc}/public-url`, { headers: iqHeaders }, d),
        ]);
      },
    },
  ];
}

async function companyByAutocannon(gatewayUrl, muUrl, latencyMs, options, log) {
  const g = await autocannonRun(
    {
      url: `${gatewayUrl}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
      body: JSON.stringify({
        query: COMPANY_QUERY,
        variables: { id: companyGlobalId('MYUNISOFT', MU_COMPANY) },
      }),
    },
    options,
  );
  const d = await autocannonRun({ url: `${muUrl}/api/v1/society`, headers: myUnisoftHeaders(null) }, options);
  log(
    `  company (autocannon) @${latencyMs}ms: gateway p50 ${g.p50Ms} | direct p50 ${d.p50Ms} | ×${(g.p50Ms / d.p50Ms).toFixed(2)}`,
  );
  return {
    case: 'company (autocannon cross-check)',
    gatewayVariant: 'list cache off',
    latencyMs,
    upstream: 'as "company", measured by autocannon (per request)',
    gateway: g,
    direct: d,
    p50Ratio: g.p50Ms / d.p50Ms,
    p99Ratio: g.p99Ms / d.p99Ms,
    throughputRatio: g.perSecond / d.perSecond,
  };
}

/**
 * Both gateway configurations against the same direct calls: as deployed (the list cache answers
 * company lookups from the shared store) and with the list cache off, which leaves only the
 * gateway's own overhead plus the upstream calls a request really needs.
 */
const GATEWAYS = [
  { variant: 'list cache on (default)', extra: {} },
  // With the list cache off a first page never reuses another request's listing snapshot: every entries
  // page downloads the six type lists (the upstream calls per request in the table show it).
  { variant: 'list cache off', extra: { cache: { listTtlMs: 0 } } },
];
/**
 * Part 1 measures the gateway's own work per request under load (hundreds of requests a second), so the
 * simulators run without the providers' rate limits and the gateway without the budgets matching them
 * (as test/support/stack.ts does); pacing under the documented quota is part 5's subject.
 */
const SIMULATOR_OPTIONS = { enforceRateLimits: false };
const UNLIMITED_UPSTREAM = {
  providers: { MYUNISOFT: { budget: false, concurrentPerRoute: false }, INQOM: { budget: false } },
};
const BARE_PROXY_VARIANT = 'bare proxy (reference: Fastify + undici, no GraphQL)';

/** Connections of the pre-warm: more than the measured 4, so that thousands of requests take seconds at 30 ms. */
const PREWARM_CONNECTIONS = 16;

/**
 * Every side serves `ops` requests of every case before any case is measured. A gateway process's CPU
 * per company request at 30 ms falls from ~2.8 ms over its first few hundred requests to ~1.5 ms after
 * ~2,500 (V8 compiling the request path: bench/notes.md, 3 December); without this, the first case
 * measured (company) met a process still compiling and the last (document) a warmer one. The direct
 * side is warmed alike (the simulator's routes).
 */
async function prewarm(sides, ops) {
  for (const run of sides) {
    let left = ops;
    await Promise.all(
      Array.from({ length: PREWARM_CONNECTIONS }, async () => {
        while (left-- > 0) await run();
      }),
    );
  }
}

export async function gatewayVsDirect({
  latencies,
  connections,
  durationMs,
  warmupMs,
  prewarmOps,
  leadInMs,
  log,
}) {
  const rows = [];
  for (const latencyMs of latencies) {
    const sims = await startSimulatorsChild({ ...SIMULATOR_OPTIONS, latencyMs });
    const gateways = [];
    let bareProxy = null;
    const options = { connections, durationMs, warmupMs, leadInMs };
    // Everything started is stopped in `finally`, even when a later child fails to start.
    try {
      for (const [i, g] of GATEWAYS.entries())
        gateways.push({
          ...g,
          process: await startGatewayChild(
            `part1-${latencyMs}ms-${i}`,
            gatewayConfig(sims.urls, {}, { upstream: UNLIMITED_UPSTREAM, ...g.extra }),
          ),
        });
      bareProxy = await startBareProxyChild(sims.urls.myunisoft, myUnisoftHeaders(null), MU_COMPANY);
      const token = await inqomToken(sims.urls.inqom);
      await activateMyUnisoftToken(sims.urls.myunisoft);
      if (prewarmOps > 0) {
        const started = Date.now();
        const agents = [];
        const agent = () => {
          agents.push(new Agent({ connections: UPSTREAM_POOL_CONNECTIONS }));
          return agents.at(-1);
        };
        const sides = cases(sims.urls, token).flatMap((c) => [
          ...[...gateways.map((gw) => gw.process.url), ...(c.bareProxy ? [bareProxy.url] : [])].map((url) => {
            const dispatcher = agent();
            return () => gql(url, c.query, c.variables, { dispatcher });
          }),
          (
            (dispatcher) => () =>
              c.direct(dispatcher)
          )(agent()),
        ]);
        await prewarm(sides, prewarmOps);
        await Promise.all(agents.map((a) => a.close()));
        log(
          `  pre-warm @${latencyMs}ms: ${prewarmOps} requests per case and side, ${Date.now() - started} ms`,
        );
      }
      for (const c of cases(sims.urls, token)) {
        // The direct client gets the connections the gateway's upstream pool has per provider (16,
        // src/providers/http.ts): with only `connections`, its parallel calls would queue behind each other.
        const directAgent = new Agent({ connections: UPSTREAM_POOL_CONNECTIONS });
        await c.direct(directAgent);
        const gatewayAgents = gateways.map(() => new Agent({ connections }));
        const viaGateway = gateways.map(
          (gw, i) => () => gql(gw.process.url, c.query, c.variables, { dispatcher: gatewayAgents[i] }),
        );
        const bareAgent = c.bareProxy ? new Agent({ connections }) : null;
        const viaBareProxy = bareAgent
          ? { bareProxy: () => gql(bareProxy.url, c.query, c.variables, { dispatcher: bareAgent }) }
          : {};
        await viaBareProxy.bareProxy?.();
        for (const query of viaGateway) await query(); // fails loudly before measuring if the query is wrong
        const measured = await runInterleaved(
          {
            direct: () => c.direct(directAgent),
            ...Object.fromEntries(viaGateway.map((query, i) => [`gateway${i}`, query])),
            ...viaBareProxy,
          },
          { ...options, upstream: { reset: sims.reset, count: sims.count } },
        );
        await Promise.all(
          [...gatewayAgents, ...(bareAgent ? [bareAgent] : [])].map((agent) => agent.close()),
        );
        const d = measured.direct;
        const sides = [
          ...gateways.map((gw, i) => ({ variant: gw.variant, g: measured[`gateway${i}`] })),
          ...(measured.bareProxy ? [{ variant: BARE_PROXY_VARIANT, g: measured.bareProxy }] : []),
        ];
        for (const { variant, g } of sides) {
          const row = {
            case: c.name,
            gatewayVariant: variant,
            latencyMs,
            upstream: c.upstream,
            gateway: g,
            direct: d,
            p50Ratio: g.p50Ms / d.p50Ms,
            p99Ratio: g.p99Ms / d.p99Ms,
            throughputRatio: g.perSecond / d.perSecond,
          };
          log(
            `  ${c.name} @${latencyMs}ms, ${variant}: gateway ${g.perSecond.toFixed(0)}/s p50 ${g.p50Ms.toFixed(1)} p99 ${g.p99Ms.toFixed(1)} | direct ${d.perSecond.toFixed(0)}/s p50 ${d.p50Ms.toFixed(1)} p99 ${d.p99Ms.toFixed(1)} | p50 ×${row.p50Ratio.toFixed(2)} | upstream calls per request: gateway ${g.upstreamPerOperation.toFixed(2)}, direct ${d.upstreamPerOperation.toFixed(2)}${g.errors || d.errors ? ` | ERRORS: gateway ${g.errors}, direct ${d.errors}` : ''}`,
          );
          rows.push(row);
        }
        await directAgent.close();
      }
      rows.push(
        await companyByAutocannon(gateways[1].process.url, sims.urls.myunisoft, latencyMs, options, log),
      );
    } finally {
      await Promise.all([...gateways.map((g) => g.process.close()), bareProxy?.close()]);
      await sims.close();
    }
  }
  return rows;
}
