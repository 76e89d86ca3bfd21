/**
 * LedgerLine.entry on a MyUnisoft account ledger, through the gateway and the simulator: the page's
 * entries come from one `/mad/entries` call per cluster of their document dates, not one `/mad/entry`
 * call each, exactly as `node(id)` gives them through `/mad/entry`; when that call fails, every entry
 * still comes, from `/mad/entry`.
 */
import { companyGlobalId, decodeGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { MIN_WINDOW_ENTRIES, dateClusters } from '../../../src/providers/myunisoft/dated-entries';
import { startStack, type Stack } from '../../support/stack';

const ENTRY_FIELDS = `id type date balanced debitTotal creditTotal journal { code label type }
  lines { account { number name } label debit credit currency piece invoiceNumber dueDate }`;
const LEDGER = `query ($id: ID!, $filter: TrialBalanceFilter!) { company(id: $id) {
  ledger(account: "512000", filter: $filter, first: 50) { edges { node { date
    entry { ${ENTRY_FIELDS} } movement { id entry { id } } } } } } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entry { ${ENTRY_FIELDS} } } }`;

interface EntryJson {
  id: string;
  date: string;
  lines: { account: { number: string } }[];
}
interface LineJson {
  date: string;
  entry: EntryJson;
  movement: { id: string; entry: { id: string } };
}

let stack: Stack;
const company = () => stack.sims.dataset.companiesOf('myunisoft', 'demo')[0]!;
const callsTo = (path: string) => stack.sims.simulators.myunisoft.requests.filter((r) => r.path === path);
const exerciseFilter = () => ({
  exerciseId: encodeGlobalId({
    type: 'Exercise',
    provider: 'MYUNISOFT',
    companyId: company().id,
    nativeId: company().exercises[0]!.id,
  }),
});

beforeAll(async () => {
  // Pacing is not this file's subject: node(id) below asks `/mad/entry` once per entry of the page.
  // Scale 20: a few bank lines a week, so a page of 50 spans weeks, not the whole exercise.
  stack = await startStack({
    scale: 20,
    enforceRateLimits: false,
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.sims.resetRequests();
  stack.sims.simulators.myunisoft.faults.clear();
});

async function ledgerPage() {
  const result = await stack.gql<{ company: { ledger: { edges: { node: LineJson }[] } } }>(LEDGER, {
    id: companyGlobalId('MYUNISOFT', company().id),
    filter: exerciseFilter(),
  });
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.company.ledger.edges.map((e) => e.node);
}

const distinctEntries = (lines: LineJson[]) => [...new Map(lines.map((l) => [l.entry.id, l.entry])).values()];

/** The entries by id as `node(id)` gives them, each through `/mad/entry` (no ledger in that request). */
async function entriesByNode(ids: string[]) {
  stack.sims.resetRequests();
  const result = await stack.gql<{ nodes: EntryJson[] }>(NODES, { ids });
  expect(result.body.errors).toBeUndefined();
  expect(callsTo('/api/v1/mad/entry')).toHaveLength(ids.length);
  return result.body.data!.nodes;
}

describe('MyUnisoft LedgerLine.entry by date windows', () => {
  it("costs one /mad/entries call per cluster of the page's dates, its entries equal to node(id)", async () => {
    const lines = await ledgerPage();
    expect(lines).toHaveLength(50);
    const entries = distinctEntries(lines);
    const dated = entries.map((e) => ({ entryId: decodeGlobalId(e.id, 'id').nativeId, date: e.date }));
    const clusters = dateClusters(dated);
    const windowed = clusters.filter((c) => c.length >= MIN_WINDOW_ENTRIES);
    const oneByOne = clusters.filter((c) => c.length < MIN_WINDOW_ENTRIES).flat();
    expect(windowed.length).toBeGreaterThan(0);
    // Before: one /mad/entry call per distinct entry of the page.
    expect(callsTo('/api/v1/mad/entries')).toHaveLength(windowed.length);
    expect(callsTo('/api/v1/mad/entry')).toHaveLength(oneByOne.length);
    expect(callsTo('/api/v1/mad/entry').length).toBeLessThan(entries.length / 2);
    // Each window is its cluster's first to last document date.
    const asked = callsTo('/api/v1/mad/entries').map((r) => new URLSearchParams(r.query));
    expect(asked.map((q) => [q.get('startDate'), q.get('endDate')]).sort()).toEqual(
      windowed.map((c) => [c[0]!.date, c.at(-1)!.date]).sort(),
    );
    for (const line of lines) {
      expect(line.entry.date).toBe(line.date);
      expect(line.movement.entry.id).toBe(line.entry.id);
      expect(line.entry.lines.some((l) => l.account.number === '512000')).toBe(true);
    }
    expect(await entriesByNode(entries.map((e) => e.id))).toEqual(entries);
  });

  it('still gives every entry, from /mad/entry, when the /mad/entries call fails', async () => {
    const before = distinctEntries(await ledgerPage());
    stack.sims.resetRequests();
    stack.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 400, path: '^/api/v1/mad/entries' });
    const lines = await ledgerPage();
    expect(callsTo('/api/v1/mad/entries').length).toBeGreaterThan(0);
    expect(callsTo('/api/v1/mad/entry')).toHaveLength(before.length);
    expect(distinctEntries(lines)).toEqual(before);
  });

  it('leaves a line without a selected entry to cost nothing more', async () => {
    const result = await stack.gql(
      `query ($id: ID!, $filter: TrialBalanceFilter!) { company(id: $id) {
        ledger(account: "512000", filter: $filter, first: 50) { edges { node { date debit } } } } }`,
      { id: companyGlobalId('MYUNISOFT', company().id), filter: exerciseFilter() },
    );
    expect(result.body.errors).toBeUndefined();
    expect(callsTo('/api/v1/mad/entries')).toHaveLength(0);
    expect(callsTo('/api/v1/mad/entry')).toHaveLength(0);
  });
});
