/**
 * DataLoader proofs at the simulators: a nested query costs exactly one upstream call per distinct
 * resource it needs — no repeat, nothing extra. Expected calls are computed from the dataset and the
 * ids in the answer. The list cache is off (it would hide upstream calls across requests) and tokens
 * are fetched before counting, so only the query's own calls are compared.
 */
import { request } from 'undici';
import { companyGlobalId, decodeGlobalId } from '../../../src/domain/ids';
import { firstWindow, nextWindow } from '../../../src/providers/myunisoft/movement-windows';
import {
  CompanyDocumentsDocument,
  CompanyEntriesDocument,
  CompanyMovementsDocument,
  EntriesWithDocumentsDocument,
  GetCompanyDocument,
  GetNodesDocument,
} from '@grand-livre/sdk';
import type { GenCompany, SimProvider } from '../../../src/simulators/data/dataset';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';
import { call, repeatedCalls, upstreamCalls } from './upstream-log';

const FIRM = '5001'; // the demo Inqom firm (src/simulators/credentials.ts)
const GONE = '9999'; // a MyUnisoft society the demo tenant may see and the firm does not have
const nativeId = (globalId: string) => decodeGlobalId(globalId, 'id').nativeId;
const folders = call('inqom', 'GET', `/provisioning/companies/${FIRM}/accounting-folders`);
const documentPath = (folder: string, doc: string) =>
  `/api/accounting-documents/accounting-folders/${folder}/Documents/${doc}`;

let stack: Stack;
beforeAll(async () => {
  // scale 2: 80 entries and 24 documents in 2026, so 50 entries share documents.
  stack = await startStack({
    scale: 2,
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      cache: { listTtlMs: 0 },
      // A society the demo tenant may see that MyUnisoft does not have (below: "proven by its lists").
      tenants: config.tenants.map((tenant) =>
        tenant.id === 'demo' && tenant.companies
          ? {
              ...tenant,
              companies: { ...tenant.companies, MYUNISOFT: [...(tenant.companies.MYUNISOFT ?? []), GONE] },
            }
          : tenant,
      ),
    }),
  });
  // Logs in to every provider, so the tokens are not counted below.
  const warmUp = await stack.gql('{ companies { totalCount } }');
  expect(warmUp.body.errors).toBeUndefined();
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.resetRequests());

/** The calls since the reset, after checking none was repeated. */
function distinctCalls(): string[] {
  const calls = upstreamCalls(stack.sims);
  expect(repeatedCalls(calls)).toEqual([]);
  return calls;
}

const demo = (provider: SimProvider) => stack.sims.dataset.companiesOf(provider, 'demo');

describe('entries with their documents', () => {
  it("50 Inqom entries cost one GET per distinct document, no public-url (links are gateway links), and the ledger's lines once", async () => {
    const { gen, id } = demoCompany(stack.sims, 'inqom');
    const filter = { from: '2026-01-01', to: '2026-12-31' };
    const data = dataOf(
      await runOperation(stack, EntriesWithDocumentsDocument, { companyId: id, filter, first: 50 }),
    );
    const calls = distinctCalls();

    const entries = data.company?.entries.edges.map((e) => e.node) ?? [];
    expect(entries).toHaveLength(50);
    const references = entries.flatMap((e) => e.documents.map((d) => nativeId(d.id)));
    const distinct = [...new Set(references)];
    // The answer's documents are the dataset's, and the test only proves dedupe if some repeat.
    const exercise = gen.exercises.find((x) => x.startDate === filter.from)!;
    const fromDataset = entries.flatMap((e) => {
      const entryId = nativeId(e.id).split('@')[0]!;
      const index = stack.sims.dataset.entry(gen, entryId)?.entry.documentIndex;
      return index == null ? [] : [gen.documents[index]!.id];
    });
    expect(references).toEqual(fromDataset);
    expect(distinct.length).toBeLessThan(references.length);
    expect(entries.every((e) => e.documents.every((d) => d.downloadUrl))).toBe(true);
    // Every line of the window fits the first page of 1,000.
    const lineCount = [...stack.sims.dataset.entries(gen, exercise)].reduce((n, e) => n + e.lines.length, 0);
    expect(lineCount).toBeLessThanOrEqual(1000);

    expect(calls).toEqual(
      [
        folders,
        call('inqom', 'GET', `/v1/dossiers/${gen.id}/entry-lines`, {
          startDate: filter.from,
          endDate: filter.to,
          pageNumber: 1,
        }),
        ...distinct.map((doc) => call('inqom', 'GET', documentPath(gen.id, doc))),
      ].sort(),
    );
  });
});

describe('one company through three aliases', () => {
  it('costs one companies listing per provider and one exercises listing where selected', async () => {
    const providers = ['jepilote', 'myunisoft', 'inqom', 'pleo'] as const;
    const ids = providers.map((p) => demoCompany(stack.sims, p));
    // Exercises only where the provider has them: Jepilote and Pleo answer UNSUPPORTED_BY_PROVIDER.
    const exercises = (p: SimProvider) => (p === 'myunisoft' || p === 'inqom' ? 'exercises { id }' : '');
    const aliases = providers.map(
      (p, i) => `
        a${i}: company(id: $c${i}) { name }
        b${i}: company(id: $c${i}) { id siren provider }
        c${i}: company(id: $c${i}) { name capabilities ${exercises(p)} }`,
    );
    const query = `query (${ids.map((_, i) => `$c${i}: ID!`).join(', ')}) { ${aliases.join('\n')} }`;
    const response = await stack.gql(query, Object.fromEntries(ids.map((c, i) => [`c${i}`, c.id])));
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data as Record<string, { name?: string } | null>;
    ids.forEach((company, i) => {
      expect(data[`a${i}`]?.name).toBe(company.gen.name);
      expect(data[`c${i}`]?.name).toBe(company.gen.name);
    });

    const inqom = ids[2]!;
    expect(distinctCalls()).toEqual(
      [
        call('jepilote', 'GET', '/companies'),
        call('myunisoft', 'GET', '/api/v1/society'),
        call('myunisoft', 'GET', '/api/v1/mad/exercices', { version: '1.0.0' }),
        folders,
        call('inqom', 'GET', `/v1/dossiers/${inqom.gen.id}/accounting-periods`),
        // Pleo companies come from the configuration: no call.
      ].sort(),
    );
  });
});

describe('companies → exercises → movements', () => {
  const NESTED = `
    fragment Ledger on CompanyConnection {
      edges { node { id exercises { id startDate endDate movements(first: 5) { edges { node { id } } } } } }
    }
    query { mu: companies(provider: MYUNISOFT) { ...Ledger } iq: companies(provider: INQOM) { ...Ledger } }`;

  /**
   * The accounting-date windows (sized from density, movement-windows.ts) a first page of `first` reads
   * from an exercise: its validated movements, window by window, until the page is full and the next
   * non-empty window is known.
   */
  const windowsRead = (company: GenCompany, exercise: GenCompany['exercises'][number], first: number) => {
    const validated = [...stack.sims.dataset.entries(company, exercise)].filter((e) => !e.draft);
    const read: { start: string; end: string }[] = [];
    let lines = 0;
    for (
      let window = firstWindow(exercise.startDate, exercise.endDate), inWindow = 0;
      window;
      window = nextWindow(window, inWindow, exercise.endDate)
    ) {
      inWindow = validated
        .filter((e) => e.bookedOn >= window.start && e.bookedOn <= window.end)
        .reduce((n, e) => n + e.lines.length, 0);
      read.push(window);
      if (lines >= first && inWindow > 0) break; // the look-ahead found a non-empty window
      lines += inWindow;
      if (lines > first) break;
    }
    return read;
  };

  it('lists companies once, exercises once per company, movements once per exercise', async () => {
    const response = await stack.gql(NESTED);
    expect(response.body.errors).toBeUndefined();
    const calls = upstreamCalls(stack.sims);

    const myunisoft = demo('myunisoft');
    const inqom = demo('inqom');
    const data = response.body.data as Record<'mu' | 'iq', { edges: unknown[] }>;
    expect(data.mu.edges).toHaveLength(myunisoft.length);
    expect(data.iq.edges).toHaveLength(inqom.length);

    // MyUnisoft scopes a firm token's calls by a `society-id` header, so two companies' exercise
    // listings share a URL: they are distinct resources, one call each.
    const expected = [
      call('myunisoft', 'GET', '/api/v1/society'),
      ...myunisoft.flatMap((c) => [
        call('myunisoft', 'GET', '/api/v1/mad/exercices', { version: '1.0.0' }),
        ...c.exercises.flatMap((x) =>
          windowsRead(c, x, 5).map((window) =>
            call('myunisoft', 'GET', '/api/v1/mad/movements', {
              version: '1.0.0',
              dateFilter: 'accounting',
              startDate: window.start,
              endDate: window.end,
            }),
          ),
        ),
      ]),
      folders,
      ...inqom.flatMap((c) => [
        call('inqom', 'GET', `/v1/dossiers/${c.id}/accounting-periods`),
        ...c.exercises.flatMap((x) => {
          const window = { startDate: x.startDate, endDate: x.endDate };
          return [
            call('inqom', 'GET', `/v1/dossiers/${c.id}/entry-lines/count`, window),
            call('inqom', 'GET', `/v1/dossiers/${c.id}/entry-lines`, { ...window, pageNumber: 1 }),
          ];
        }),
      ]),
    ].sort();
    expect(calls).toEqual(expected);
    // Inqom scopes by path: there every call is distinct by URL alone.
    expect(repeatedCalls(calls.filter((c) => c.startsWith('inqom')))).toEqual([]);
  });
});

describe('movements with their entries', () => {
  it('an Inqom page of 30 movements with Movement.entry costs the listing only: no day re-read per entry', async () => {
    const { gen, id } = demoCompany(stack.sims, 'inqom');
    const window = { startDate: '2026-01-01', endDate: '2026-12-31' };
    const result = await stack.gql<{
      company: { movements: { edges: { node: { entry: { id: string; lines: unknown[] } | null } }[] } };
    }>(
      `query ($id: ID!) { company(id: $id) { movements(first: 30, filter: { from: "2026-01-01", to: "2026-12-31" }) {
        edges { node { id entry { id date lines { debit credit } } } } } } }`,
      { id },
    );
    expect(result.body.errors).toBeUndefined();
    const entries = result.body.data?.company.movements.edges.map((e) => e.node.entry) ?? [];
    expect(entries).toHaveLength(30);
    // Each entry whole, as its own day would give it: as many lines as the dataset's.
    for (const entry of entries) {
      const native = nativeId(entry!.id).split('@')[0]!;
      expect(entry!.lines).toHaveLength(stack.sims.dataset.entry(gen, native)!.entry.lines.length);
    }
    // Before: one more entry-lines call per distinct entry day (12 of 15 calls).
    expect(distinctCalls()).toEqual(
      [
        folders,
        call('inqom', 'GET', `/v1/dossiers/${gen.id}/entry-lines/count`, window),
        call('inqom', 'GET', `/v1/dossiers/${gen.id}/entry-lines`, { ...window, pageNumber: 1 }),
      ].sort(),
    );
  });
});

describe('nodes(ids) of mixed types', () => {
  const WINDOW = { from: '2026-04-01', to: '2026-04-30' };

  async function firstIds(provider: SimProvider) {
    const { id } = demoCompany(stack.sims, provider);
    const filter = provider === 'pleo' ? null : WINDOW;
    const entries = dataOf(
      await runOperation(stack, CompanyEntriesDocument, { companyId: id, filter, first: 2 }),
    );
    const entryIds = entries.company?.entries.edges.map((e) => e.node.id) ?? [];
    if (provider === 'pleo') return { company: id, entryIds, movements: [], exercise: null };
    const movements = dataOf(
      await runOperation(stack, CompanyMovementsDocument, { companyId: id, filter: WINDOW, first: 3 }),
    ).company?.movements.edges.map((e) => ({ id: e.node.id, entry: e.node.entry?.id, date: e.node.date }));
    const exercise = dataOf(await runOperation(stack, GetCompanyDocument, { id })).company?.exercises[0]?.id;
    return { company: id, entryIds, movements: movements ?? [], exercise: exercise ?? null };
  }

  it('costs one call per distinct resource: repeated ids and an entry with its own movements share calls', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote').id;
    const mu = await firstIds('myunisoft');
    const iq = await firstIds('inqom');
    const pleo = await firstIds('pleo');
    const document = dataOf(
      await runOperation(stack, CompanyDocumentsDocument, { companyId: iq.company, first: 1 }),
    ).company?.documents.edges[0]?.node.id;
    // The movements listed first belong to the first entry (same MyUnisoft entry, same Inqom day).
    const [muMovement, muMovement2] = mu.movements;
    const [iqMovement] = iq.movements;
    expect(muMovement?.entry).toBe(mu.entryIds[0]);
    expect(muMovement2?.entry).toBe(mu.entryIds[0]);
    expect(iqMovement?.entry).toBe(iq.entryIds[0]);

    const ids = [
      jepilote,
      mu.company,
      iq.company,
      pleo.company,
      mu.entryIds[0]!,
      muMovement!.id,
      muMovement2!.id,
      mu.exercise!,
      iq.entryIds[0]!,
      iqMovement!.id,
      iq.exercise!,
      document!,
      document!,
      pleo.entryIds[0]!,
      pleo.entryIds[1]!,
      mu.entryIds[0]!,
    ];
    stack.sims.resetRequests();
    const result = await runOperation(stack, GetNodesDocument, { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes.map((n) => n?.id)).toEqual(ids);

    const muEntry = nativeId(mu.entryIds[0]!);
    const [, iqDay] = nativeId(iq.entryIds[0]!).split('@');
    const iqFolder = demoCompany(stack.sims, 'inqom').gen.id;
    expect(distinctCalls()).toEqual(
      [
        call('jepilote', 'GET', '/companies'),
        call('myunisoft', 'GET', '/api/v1/society'),
        call('myunisoft', 'GET', '/api/v1/mad/entry', { version: '1.0.0', id: muEntry }),
        call('myunisoft', 'GET', '/api/v1/mad/exercices', { version: '1.0.0' }),
        folders,
        call('inqom', 'GET', `/v1/dossiers/${iqFolder}/entry-lines`, {
          startDate: iqDay!,
          endDate: iqDay!,
          pageNumber: 1,
        }),
        call('inqom', 'GET', `/v1/dossiers/${iqFolder}/accounting-periods`),
        call('inqom', 'GET', documentPath(iqFolder, nativeId(document!))),
        ...pleo.entryIds.map((id) => call('pleo', 'GET', `/v1/accounting-entries/${nativeId(id)}`)),
      ].sort(),
    );
  });
});

describe('a document by id with its download link', () => {
  const DOC_QUERY = `query($id: ID!) { node(id: $id) { id ... on Document { name downloadUrl } } }`;
  const FRAGMENT_QUERY = `query($id: ID!) { node(id: $id) { ...Doc } } fragment Doc on Document { name downloadUrl }`;

  /** A demo Inqom document's global id, read through the gateway. */
  async function someDocumentId(): Promise<{ id: string; folder: string }> {
    const { gen: company, id: companyId } = demoCompany(stack.sims, 'inqom');
    const { body } = await stack.gql(
      `query($id: ID!) { company(id: $id) { documents(first: 1) { edges { node { id } } } } }`,
      { id: companyId },
    );
    const data = body.data as { company: { documents: { edges: { node: { id: string } }[] } } };
    return { id: data.company.documents.edges[0]!.node.id, folder: company.id };
  }

  it.each([
    ['an inline fragment', DOC_QUERY],
    ['a named fragment', FRAGMENT_QUERY],
  ])(
    'gives the link at the cost of the document alone (%s); Inqom is asked for the bytes when it is followed',
    async (_, query) => {
      const { id, folder } = await someDocumentId();
      const path = documentPath(folder, nativeId(id));
      stack.sims.resetRequests();
      const { body } = await stack.gql(query, { id });
      expect(body.errors).toBeUndefined();
      const node = (body.data as { node: { downloadUrl: string | null } }).node;
      expect(node.downloadUrl).toMatch(new RegExp(`^${stack.url}/documents/`));
      expect(distinctCalls()).toEqual([call('inqom', 'GET', path)]);
      stack.sims.resetRequests();
      const download = await request(node.downloadUrl!);
      await download.body.dump();
      expect(download.statusCode).toBe(200);
      expect(upstreamCalls(stack.sims).filter((c) => c.includes('/public-url'))).toHaveLength(1);
    },
  );

  it('reads nothing ahead for an id of a company the tenant cannot see', async () => {
    const { id } = await someDocumentId();
    stack.sims.resetRequests();
    const { body } = await stack.gql(DOC_QUERY, { id }, 'demo-other');
    expect(body.data).toEqual({ node: null });
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('company(id) reads its lists ahead', () => {
  const QUERY = `query ($id: ID!) { company(id: $id) {
    name
    exercises { id }
    entries(first: 5) { edges { node { id } } }
    movements(first: 5, filter: { from: "2025-01-01", to: "2025-01-31", accountClasses: ["6"] }) {
      edges { node { id } }
    }
  } }`;

  // The account class keeps the movement windows out of MyUnisoft's cross-request cache (other tests').
  it('asks exercises, entries and movements beside the company lookup, not after it, once each', async () => {
    const { gen, id } = demoCompany(stack.sims, 'myunisoft');
    // The society list answers 2 s late: lists asked only after the company would be answered after it
    // (300 ms was not enough margin for a loaded CI machine answering a movement window).
    stack.sims.simulators.myunisoft.faults.add({
      kind: 'latency',
      ms: 2000,
      method: 'GET',
      path: '^/api/v1/society$',
      times: 1,
    });
    const { body } = await stack.gql(QUERY, { id });
    expect(body.errors).toBeUndefined();
    const company = (body.data as { company: { name: string; entries: { edges: unknown[] } } }).company;
    expect(company.name).toBe(gen.name);
    expect(company.entries.edges).toHaveLength(5);
    distinctCalls(); // nothing asked twice: the resolvers got the read-ahead's calls
    const requests = stack.sims.simulators.myunisoft.requests;
    const society = requests.find((r) => r.path === '/api/v1/society')!;
    const lists = requests.filter((r) => r !== society);
    expect(lists.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/v1/mad/exercices', '/api/v1/entries', '/api/v1/mad/movements']),
    );
    expect(lists.every((r) => r.at < society.at)).toBe(true);
  });

  it('reads nothing ahead for a company the tenant cannot see', async () => {
    const { id } = demoCompany(stack.sims, 'myunisoft');
    const { body } = await stack.gql(QUERY, { id }, 'demo-other');
    expect(body.data).toEqual({ company: null });
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('a MyUnisoft company proven by its lists', () => {
  const ENTRIES_ONLY = `query ($id: ID!) { company(id: $id) {
    id provider providerId capabilities
    entries(first: 5) { edges { node { id } } }
  } }`;
  const mine = (calls: string[]) => calls.filter((c) => c.startsWith('myunisoft'));

  it('costs its six entry lists and no society list when nothing of its record is asked', async () => {
    const { gen, id } = demoCompany(stack.sims, 'myunisoft');
    const { body } = await stack.gql(ENTRIES_ONLY, { id });
    expect(body.errors).toBeUndefined();
    const company = (
      body.data as { company: { id: string; providerId: string; entries: { edges: unknown[] } } }
    ).company;
    expect(company).toMatchObject({ id, providerId: gen.id });
    expect(company.entries.edges).toHaveLength(5);
    const calls = mine(distinctCalls());
    expect(calls.filter((c) => c.includes('/api/v1/society'))).toEqual([]);
    expect(calls).toHaveLength(6);
  });

  it('still asks the society list when a field of the record is selected, through a fragment', async () => {
    const { gen, id } = demoCompany(stack.sims, 'myunisoft');
    const query = `query ($id: ID!) { company(id: $id) { ...Named entries(first: 5) { edges { node { id } } } } }
      fragment Named on Company { name }`;
    const { body } = await stack.gql(query, { id });
    expect(body.errors).toBeUndefined();
    expect((body.data as { company: { name: string } }).company.name).toBe(gen.name);
    expect(mine(distinctCalls())).toContain(call('myunisoft', 'GET', '/api/v1/society'));
  });

  it('is null when MyUnisoft refuses its lists as not found: the society list lacks it, as before', async () => {
    const { body } = await stack.gql(ENTRIES_ONLY, { id: companyGlobalId('MYUNISOFT', GONE) });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ company: null });
    const paths = stack.sims.simulators.myunisoft.requests.map((r) => r.path);
    expect(paths).toContain('/api/v1/society');
  });

  it('reports a list MyUnisoft refused on its field without asking for the society list', async () => {
    const { id } = demoCompany(stack.sims, 'myunisoft');
    stack.sims.simulators.myunisoft.faults.add({ kind: 'status', status: 400, path: '^/api/v1/entries' });
    try {
      const { body } = await stack.gql(ENTRIES_ONLY, { id });
      // entries is non-null: its error nulls the company.
      expect(body.data).toEqual({ company: null });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        path: ['company', 'entries'],
        extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: 400 },
      });
      // The lookup would meet the same provider: it is not asked.
      expect(stack.sims.simulators.myunisoft.requests.map((r) => r.path)).not.toContain('/api/v1/society');
    } finally {
      stack.sims.simulators.myunisoft.faults.clear();
    }
  });

  it('is not assumed of a provider whose calls do not prove it (Inqom): the lookup runs', async () => {
    const { id } = demoCompany(stack.sims, 'inqom');
    const query = `query ($id: ID!) { company(id: $id) { id exercises { id } } }`;
    const { body } = await stack.gql(query, { id });
    expect(body.errors).toBeUndefined();
    expect(distinctCalls()).toContain(folders);
  });
});
