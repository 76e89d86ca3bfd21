/**
 * The frontend session against simulators that enforce MyUnisoft's documented quota (their
 * default): list the MyUnisoft companies, page their entries 50 at a time, then page an exercise's
 * movements. Before the upstream budget this failed within 0.2 s (429 on /mad/exercices, then the
 * circuit opened); now every page answers, no 429 reaches the simulator, and the calls are counted.
 */
import { startStack, type Stack } from '../../support/stack';

let stack: Stack;
/** What each response's `extensions.upstream` said, in order. */
const reported: { calls: Record<string, number>; budgetLeft: Record<string, number> }[] = [];

async function gql(query: string, variables?: Record<string, unknown>) {
  const response = await stack.gql(query, variables);
  const extensions = (response.body as { extensions?: { upstream?: (typeof reported)[number] } }).extensions;
  // A page served from a listing snapshot asks no provider, and its response reports nothing.
  reported.push(extensions?.upstream ?? { calls: {}, budgetLeft: {} });
  return response;
}

beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const COMPANIES = `query { companies(provider: MYUNISOFT, first: 50) { edges { node { id name exercises { id startDate } } } } }`;
const ENTRIES = `query ($id: ID!, $after: String) { company(id: $id) { entries(first: 50, after: $after, filter: { from: "2025-01-01", to: "2025-12-31" }) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
const MOVEMENTS = `query ($id: ID!, $after: String) { node(id: $id) { ... on Exercise { movements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`;

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

async function walk(
  query: string,
  id: string,
  pick: (data: Record<string, unknown>) => Connection,
  maxPages: number,
) {
  let after: string | null = null;
  let nodes = 0;
  for (let page = 0; page < maxPages; page++) {
    const { body } = await gql(query, { id, after });
    expect(body.errors).toBeUndefined();
    const connection = pick(body.data as Record<string, unknown>);
    nodes += connection.edges.length;
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return nodes;
}

it('lists companies, pages entries and movements under the quota: no error, no 429 upstream', async () => {
  stack.sims.resetRequests();
  const { body } = await gql(COMPANIES);
  expect(body.errors).toBeUndefined();
  const companies = (
    body.data as {
      companies: { edges: { node: { id: string; exercises: { id: string; startDate: string }[] } }[] };
    }
  ).companies.edges.map((e) => e.node);
  expect(companies.length).toBeGreaterThan(0);
  for (const company of companies) {
    const entries = await walk(ENTRIES, company.id, (d) => (d.company as { entries: Connection }).entries, 4);
    expect(entries).toBeGreaterThan(0);
  }
  // Every company's 2025 movements: later pages are served from listing snapshots, so it takes this
  // much for the session to spend more than one window of the quota.
  for (const company of companies) {
    const exercise = company.exercises.find((e) => e.startDate === '2025-01-01')!;
    const movements = await walk(
      MOVEMENTS,
      exercise.id,
      (d) => (d.node as { movements: Connection }).movements,
      4,
    );
    expect(movements).toBeGreaterThan(0);
  }
  const upstream = stack.sims.simulators.myunisoft.requests;
  expect(upstream.filter((r) => r.status === 429)).toEqual([]);
  // Every call the simulator served was reported to the client, and the budget left never went negative.
  expect(reported.reduce((sum, r) => sum + (r.calls.MYUNISOFT ?? 0), 0)).toBe(upstream.length);
  expect(upstream.length).toBeGreaterThan(20);
  for (const r of reported.filter((one) => one.calls.MYUNISOFT))
    expect(r.budgetLeft.MYUNISOFT).toEqual(expect.any(Number));
  expect(reported.every((r) => (r.budgetLeft.MYUNISOFT ?? 0) >= 0)).toBe(true);
}, 120_000);

it('reads Inqom documents one by one past 15 calls a second: no 429 upstream', async () => {
  const listed = await gql(
    `query { companies(provider: INQOM) { edges { node { documents(first: 40) { edges { node { id } } } } } } }`,
  );
  type Documents = { documents: { edges: { node: { id: string } }[] } };
  const ids = (listed.body.data as { companies: { edges: { node: Documents }[] } }).companies.edges
    .flatMap((company) => company.node.documents.edges.map((e) => e.node.id))
    .slice(0, 40);
  expect(ids.length).toBeGreaterThan(20);
  stack.sims.resetRequests();
  reported.length = 0;
  // One aliased lookup per document: a GET each at Inqom (it has no batch route), more than 15 at once.
  const lookups = ids.map((doc, i) => `d${i}: node(id: "${doc}") { ... on Document { name } }`).join('\n');
  const documents = await gql(`query { ${lookups} }`);
  expect(documents.body.errors).toBeUndefined();
  const upstream = stack.sims.simulators.inqom.requests;
  expect(upstream.length).toBeGreaterThan(15);
  expect(upstream.filter((r) => r.status === 429)).toEqual([]);
  expect(reported[0]!.calls.INQOM).toBe(upstream.length);
}, 60_000);
