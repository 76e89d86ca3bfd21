// Part 5: a frontend session under MyUnisoft's documented limits (20 requests per 10 s per token, the
// simulators enforcing them). A firm of 20 MyUnisoft companies; one client, sequential as a browser tab:
// the company list, then per company its exercises, every entries page (50) and 10 movement pages (50)
// of its open exercise; the whole session twice. Baselines measured in the same run: the time the
// quota itself imposes on the upstream requests made (requests ÷ 2 per s), and the same session with
// the simulators' limits off (the gateway's upstream budget still paces it). Then the 500k-movement exercise walked by pages of 500 under the quota.
import { performance } from 'node:perf_hooks';
import { gatewayConfig } from './dist.mjs';
import { gql } from './graphql.mjs';
import { startGatewayChild, startSimulatorsChild } from './processes.mjs';
import { bigExercise } from './part-large-exercise.mjs';

const FIRM_SIZE = 20;
/** Scale 5: 200 entries and ~520 movements per exercise, so every company has 12 entries pages and 10 movement pages. */
// The demo firm has two named MyUnisoft societies; the others are generated (2201…).
const SESSION_DATA = { extraFirmCompanies: FIRM_SIZE - 2, scale: 5 };
const MOVEMENT_PAGES = 10;
const QUOTA_PER_SECOND = 2;

const COMPANIES = `query($after: String) { companies(provider: MYUNISOFT, first: 50, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
const EXERCISES = `query($id: ID!) { company(id: $id) { id exercises { id label startDate endDate closed } } }`;
const ENTRIES = `query($id: ID!, $after: String) { company(id: $id) { entries(first: 50, after: $after) {
  fetchedAt totalCount pageInfo { hasNextPage endCursor } edges { node { id date debitTotal creditTotal } } } } }`;
const MOVEMENTS = `query($id: ID!, $exerciseId: ID!, $after: String) { company(id: $id) {
  movements(first: 50, after: $after, filter: { exerciseId: $exerciseId }) {
    fetchedAt pageInfo { hasNextPage endCursor } edges { node { id date debit credit account { number } } } } } }`;
const BIG_PAGES = `query($id: ID!, $exerciseId: ID!, $after: String) { company(id: $id) {
  movements(first: 500, after: $after, filter: { exerciseId: $exerciseId }) {
    pageInfo { hasNextPage endCursor } edges { node { id debit credit } } } } }`;

/** One client of one gateway: each request timed, its errors and its upstream calls counted. */
function sessionClient(gatewayUrl, sims) {
  const stats = { requests: 0, errors: 0, rateLimited: 0, errorCodes: {}, upstream: 0, upstream429: 0 };
  const pageCosts = { entriesFirst: [], entriesLater: [], movementsFirst: [], movementsLater: [] };
  async function ask(query, variables, kind) {
    await sims.reset();
    const body = await gql(gatewayUrl, query, variables, { allowErrors: true, raw: true });
    const calls = (await sims.requests()).filter((r) => r.sim === 'myunisoft');
    stats.requests++;
    stats.upstream += calls.length;
    stats.upstream429 += calls.filter((r) => r.status === 429).length;
    if (kind) pageCosts[kind].push(calls.length);
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code ?? 'UNKNOWN';
      stats.errors++;
      stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
      if (code === 'UPSTREAM_RATE_LIMITED') stats.rateLimited++;
    }
    return body.data;
  }
  return { ask, stats, pageCosts };
}

async function walk(ask, query, variables, select, kinds, maxPages = Infinity) {
  let after = null;
  for (let page = 0; page < maxPages; page++) {
    const data = await ask(query, { ...variables, after }, page === 0 ? kinds[0] : kinds[1]);
    const connection = data && select(data);
    if (!connection?.pageInfo.hasNextPage) return page + 1;
    after = connection.pageInfo.endCursor;
  }
  return maxPages;
}

async function frontendSession(gatewayUrl, sims) {
  const { ask, stats, pageCosts } = sessionClient(gatewayUrl, sims);
  const started = performance.now();
  for (let pass = 0; pass < 2; pass++) {
    const companies = [];
    let after = null;
    for (;;) {
      const data = await ask(COMPANIES, { after });
      companies.push(...(data?.companies.edges ?? []).map((e) => e.node).filter(Boolean));
      if (!data?.companies.pageInfo.hasNextPage) break;
      after = data.companies.pageInfo.endCursor;
    }
    for (const company of companies) {
      const exercises = (await ask(EXERCISES, { id: company.id }))?.company?.exercises ?? [];
      await walk(ask, ENTRIES, { id: company.id }, (d) => d.company?.entries, [
        'entriesFirst',
        'entriesLater',
      ]);
      const open = exercises.find((e) => !e.closed) ?? exercises.at(-1);
      if (open)
        await walk(
          ask,
          MOVEMENTS,
          { id: company.id, exerciseId: open.id },
          (d) => d.company?.movements,
          ['movementsFirst', 'movementsLater'],
          MOVEMENT_PAGES,
        );
    }
    stats[`companiesPass${pass + 1}`] = companies.length;
  }
  const ms = performance.now() - started;
  const mean = (list) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);
  const later = [...pageCosts.entriesLater, ...pageCosts.movementsLater];
  return {
    ...stats,
    ms,
    quotaMs: (stats.upstream / QUOTA_PER_SECOND) * 1000,
    pages: Object.fromEntries(
      Object.entries(pageCosts).map(([kind, costs]) => [
        kind,
        {
          pages: costs.length,
          upstream: costs.reduce((a, b) => a + b, 0),
          mean: mean(costs),
          max: Math.max(0, ...costs),
        },
      ]),
    ),
    laterPages: { pages: later.length, mean: mean(later), max: Math.max(0, ...later) },
  };
}

async function onSimulators(name, simOptions, run) {
  const sims = await startSimulatorsChild(simOptions);
  const gateway = await startGatewayChild(name, gatewayConfig(sims.urls, simOptions));
  try {
    return await run(gateway.url, sims);
  } finally {
    await gateway.close();
    await sims.close();
  }
}

export async function frontendSessionPart({ movements, log }) {
  const describe = (r) =>
    `${r.requests} GraphQL requests, ${r.errors} errors (${r.rateLimited} rate-limited), ${r.upstream} MyUnisoft requests (${r.upstream429} answered 429), later pages ${r.laterPages.mean.toFixed(2)} upstream requests on average (max ${r.laterPages.max}), ${(r.ms / 1000).toFixed(1)} s`;
  const unlimited = await onSimulators(
    'part5-unlimited',
    { ...SESSION_DATA, enforceRateLimits: false },
    frontendSession,
  );
  log(`  limits off (baseline): ${describe(unlimited)}`);
  const limited = await onSimulators(
    'part5-limited',
    { ...SESSION_DATA, enforceRateLimits: true },
    frontendSession,
  );
  log(
    `  limits on: ${describe(limited)}; the quota alone imposes ${(limited.quotaMs / 1000).toFixed(1)} s (×${(limited.ms / limited.quotaMs).toFixed(2)})`,
  );

  const bigData = { bigExerciseMovements: movements, enforceRateLimits: true };
  const { companyId, exerciseId } = bigExercise(bigData);
  const big = await onSimulators('part5-big', bigData, async (url, sims) => {
    await sims.reset();
    const started = performance.now();
    let after = null;
    let rows = 0;
    let pages = 0;
    let errors = 0;
    for (;;) {
      const body = await gql(
        url,
        BIG_PAGES,
        { id: companyId, exerciseId, after },
        { allowErrors: true, raw: true },
      );
      if (body.errors) errors += body.errors.length;
      const connection = body.data?.company?.movements;
      if (!connection) break;
      rows += connection.edges.length;
      pages++;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const calls = (await sims.requests()).filter((r) => r.sim === 'myunisoft');
    const upstream = calls.length;
    return {
      ms: performance.now() - started,
      rows,
      pages,
      errors,
      upstream,
      upstream429: calls.filter((r) => r.status === 429).length,
      quotaMs: (upstream / QUOTA_PER_SECOND) * 1000,
    };
  });
  log(
    `  the ${movements}-movement exercise under the quota: ${big.rows} movements in ${big.pages} pages of 500, ${big.upstream} MyUnisoft requests, ${big.errors} errors, ${(big.ms / 1000).toFixed(1)} s (quota alone ${(big.quotaMs / 1000).toFixed(1)} s)`,
  );
  return {
    firmSize: FIRM_SIZE,
    dataset: SESSION_DATA,
    movementPages: MOVEMENT_PAGES,
    unlimited,
    limited,
    big,
  };
}
