/**
 * Movement.entry on a MyUnisoft movements page, through the gateway and the simulator: an unfiltered
 * slice gives each entry whole, with no `/mad/entry` call, exactly as `node(id)` gives it through
 * `/mad/entry`; a filtered slice (it drops lines of an entry) leaves every entry to `/mad/entry`.
 */
import { companyGlobalId, decodeGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { startStack, type Stack } from '../../support/stack';

const ENTRY_FIELDS = `id type date balanced debitTotal creditTotal journal { code label type }
  lines { account { number name } label debit credit currency piece invoiceNumber dueDate }`;
const PAGE = `query ($id: ID!, $filter: MovementFilter) { company(id: $id) {
  movements(first: 200, filter: $filter) { edges { node { id account { number } entry { ${ENTRY_FIELDS} } } } } } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entry { ${ENTRY_FIELDS} } } }`;

interface EntryJson {
  id: string;
  lines: unknown[];
}
interface PageJson {
  company: {
    movements: { edges: { node: { id: string; account: { number: string }; entry: EntryJson } }[] };
  };
}

let stack: Stack;
const company = () => stack.sims.dataset.company('myunisoft', '2101')!;
const companyId = () => companyGlobalId('MYUNISOFT', company().id);
const callsTo = (path: string) => stack.sims.simulators.myunisoft.requests.filter((r) => r.path === path);
const madEntryCalls = () => callsTo('/api/v1/mad/entry').length;

beforeAll(async () => {
  // The list cache off: every request reaches MyUnisoft, so the counts below are the request's own.
  // Scale 2: ~206 movements an exercise, so a page of 200 spans its windows and its draft phase.
  stack = await startStack({
    scale: 2,
    enforceRateLimits: false,
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
  const warmUp = await stack.gql('{ companies { totalCount } }');
  expect(warmUp.body.errors).toBeUndefined();
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.resetRequests());

async function page(filter: Record<string, unknown>) {
  const result = await stack.gql<PageJson>(PAGE, { id: companyId(), filter });
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.company.movements.edges.map((e) => e.node);
}

/** The entries by id as `node(id)` gives them, each through `/mad/entry` (no page in that request). */
async function entriesByNode(ids: string[]) {
  stack.sims.resetRequests();
  const result = await stack.gql<{ nodes: EntryJson[] }>(NODES, { ids });
  expect(result.body.errors).toBeUndefined();
  expect(madEntryCalls()).toBe(ids.length);
  return result.body.data!.nodes;
}

const distinctEntries = (movements: { entry: EntryJson }[]) => [
  ...new Map(movements.map((m) => [m.entry.id, m.entry])).values(),
];
/** How many lines the simulator's entry has. */
const linesInDataset = (entry: EntryJson) =>
  stack.sims.dataset.entry(company(), decodeGlobalId(entry.id, 'id').nativeId)!.entry.lines.length;

describe('MyUnisoft Movement.entry from the slice a page came from', () => {
  it.each([
    ['an exercise (validated windows, then drafts)', () => ({ exerciseId: exerciseId(1) })],
    ['a 12-month document-date window', () => ({ from: '2025-01-01', to: '2025-12-31' })],
  ])('a page of 200 of %s costs no /mad/entry call, its entries equal to node(id)', async (_, filter) => {
    const movements = await page(filter());
    expect(movements).toHaveLength(200);
    // Several slices (windows growing from a third of a month; an exercise's drafts after its validated).
    expect(callsTo('/api/v1/mad/movements').length).toBeGreaterThan(2);
    // Before: one /mad/entry per distinct entry of the page (42 of bench part 2's 45 calls).
    expect(madEntryCalls()).toBe(0);
    const entries = distinctEntries(movements);
    expect(entries.length).toBeGreaterThan(50);
    expect(await entriesByNode(entries.map((e) => e.id))).toEqual(entries);
  });

  it.each([
    ['account class', { accountClasses: ['6'] }],
    ['lettering', { lettering: 'NONE' }],
  ])('a page filtered by %s asks /mad/entry for each entry, whole', async (_, narrowing) => {
    const movements = await page({ exerciseId: exerciseId(1), ...narrowing });
    expect(movements.length).toBeGreaterThan(10);
    const entries = distinctEntries(movements);
    expect(madEntryCalls()).toBe(entries.length);
    for (const entry of entries) expect(entry.lines).toHaveLength(linesInDataset(entry));
    // The filter dropped lines of some entry: the page alone would have given it short.
    const shown = (entry: EntryJson) => movements.filter((m) => m.entry.id === entry.id).length;
    expect(entries.some((entry) => entry.lines.length > shown(entry))).toBe(true);
  });
});

function exerciseId(index: number) {
  return encodeGlobalId({
    type: 'Exercise',
    provider: 'MYUNISOFT',
    companyId: company().id,
    nativeId: company().exercises[index]!.id,
  });
}
