// Part 2: upstream requests per nested GraphQL query with the per-request DataLoaders, against the
// count a naive resolver (one call per parent object per fetching field) would make on the same data.
// The list cache is off here (cache.listTtlMs 0) so every query reaches the providers; provider
// tokens are warmed by a first run, since they are shared across requests by design.
import { companyGlobalId, encodeGlobalId, gatewayConfig, createDataset } from './dist.mjs';
import { gql } from './graphql.mjs';
import { startGatewayChild, startSimulatorsChild } from './processes.mjs';

const edges = (connection) => connection.edges.map((e) => e.node);

function queries(dataset) {
  const mu = dataset.company('myunisoft', '2101');
  const exerciseId = encodeGlobalId({
    type: 'Exercise',
    provider: 'MYUNISOFT',
    companyId: mu.id,
    nativeId: mu.exercises[1].id,
  });
  return [
    {
      name: 'companies → exercises (MyUnisoft and Inqom)',
      query: `{ mu: companies(provider: MYUNISOFT) { edges { node { id name exercises { id label } } } }
               iq: companies(provider: INQOM) { edges { node { id name exercises { id label } } } } }`,
      variables: {},
      // naive: one list call per provider field, then one exercises call per company (as the loaders do:
      // exercises have no batch endpoint at either provider, so the win here is no duplicate call).
      naive: (data) => 2 + edges(data.mu).length + edges(data.iq).length,
      naiveRule: '1 list per provider + 1 exercises call per company',
    },
    {
      name: 'Inqom entries (50, 2026) → documents → downloadUrl',
      query: `query($id: ID!) { company(id: $id) { id name entries(first: 50, filter: { from: "2026-01-01" }) {
               edges { node { id date documents { id name checksum downloadUrl } } } } } }`,
      variables: { id: companyGlobalId('INQOM', '11287') },
      // naive: company, accounting periods, entry lines; then per entry one GET per attached document
      // and per document object one public-url.
      naive: (data) => 3 + 2 * edges(data.company.entries).flatMap((e) => e.documents).length,
      naiveRule:
        'company + periods + entry lines + per entry 1 GET per attached document + 1 public-url per document object',
    },
    {
      name: 'MyUnisoft movements (200) → entry → lines',
      query: `query($id: ID!, $exerciseId: ID!) { company(id: $id) { id exercises { id }
               movements(first: 200, filter: { exerciseId: $exerciseId }) { edges { node { id debit credit
               entry { id date journal { code } lines { debit credit } } } } } } }`,
      variables: { id: companyGlobalId('MYUNISOFT', mu.id), exerciseId },
      // naive: company 1, exercises 1, the movements listing 1, one /mad/entry per movement.
      naive: (data) => 3 + edges(data.company.movements).filter((m) => m.entry).length,
      naiveRule: 'company + exercises + movements listing + 1 entry call per movement',
    },
    {
      name: 'MyUnisoft account ledger (50 lines) → entry → lines',
      query: `query($id: ID!, $exerciseId: ID!) { company(id: $id) { id
               ledger(account: "512000", filter: { exerciseId: $exerciseId }, first: 50) { edges { node { date
               debit credit entry { id date lines { account { number } debit credit } } } } } } }`,
      variables: { id: companyGlobalId('MYUNISOFT', mu.id), exerciseId },
      // naive: company 1, exercises 1 (the exercise's dates), the movements download 1, one /mad/entry per line.
      naive: (data) => 3 + edges(data.company.ledger).filter((line) => line.entry).length,
      naiveRule: 'company + exercises + movements download + 1 entry call per line',
    },
  ];
}

export async function upstreamRequests({ log }) {
  const datasetOptions = {};
  // Part 2 counts calls, not quota time: its warm-up plus the measured movements query ask MyUnisoft
  // ~84 times, which its 20 per 10 s would pace past the gateway's 30 s wait (answered
  // UPSTREAM_RATE_LIMITED, as it should be); part 5 measures pacing under the quota.
  const sims = await startSimulatorsChild({ ...datasetOptions, enforceRateLimits: false });
  const gateway = await startGatewayChild(
    'part2',
    gatewayConfig(sims.urls, datasetOptions, {
      cache: { listTtlMs: 0 },
      upstream: {
        providers: { MYUNISOFT: { budget: false, concurrentPerRoute: false }, INQOM: { budget: false } },
      },
    }),
  );
  const rows = [];
  try {
    for (const q of queries(createDataset(datasetOptions))) {
      await gql(gateway.url, q.query, q.variables); // warms the provider tokens
      await sims.reset();
      const data = await gql(gateway.url, q.query, q.variables);
      const calls = await sims.requests();
      const resource = (c) =>
        `${c.sim} ${c.method} ${c.path}?${c.query}${c.societyId ? ` society-id:${c.societyId}` : ''}`;
      const distinct = new Set(calls.map(resource)).size;
      const row = {
        query: q.name,
        upstreamRequests: calls.length,
        distinctResources: distinct,
        naive: q.naive(data),
        naiveRule: q.naiveRule,
        calls: calls.map(resource),
      };
      log(`  ${q.name}: ${row.upstreamRequests} upstream (${distinct} distinct) vs naive ${row.naive}`);
      rows.push(row);
    }
  } finally {
    await gateway.close();
    await sims.close();
  }
  return rows;
}
