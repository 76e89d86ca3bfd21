/**
 * Tenant isolation over real HTTP: tenant `demo-other` replays every id, cursor and download link
 * tenant `demo` was handed (and forges a few more). Each answers exactly like an id that does not
 * exist — same status, same body — so there is no existence oracle, and nothing reaches a provider:
 * the simulators' request counters are reset before each attempt and must stay at zero.
 */
import { request } from 'undici';
import { encodeGlobalId, decodeGlobalId, type NodeType } from '../../../src/domain/ids';
import { PROVIDERS, type ProviderName } from '../../../src/domain/model';
import { UploadDocumentDocument, CreateExpenseBillDocument } from '@grand-livre/sdk';
import { makePdf } from '../../../src/simulators/data/documents';
import { runUpload } from '../../support/operations';
import { startStack, type GqlResponse, type Stack } from '../../support/stack';
import { collectDemoObjects, demoCompanyIds, type DemoObjects } from './demo-objects';

const OTHER = 'demo-other';
let stack: Stack;
let demo: DemoObjects;

beforeAll(async () => {
  stack = await startStack({
    // No list cache: every company lookup goes upstream, so request counts compare like with like.
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
  demo = await collectDemoObjects(stack);
}, 60_000);
afterAll(() => stack.close());

/** Runs as `demo-other` from zeroed simulator counters; `upstream` is what reached any provider. */
async function asOther(query: string, variables: Record<string, unknown> = {}) {
  stack.sims.resetRequests();
  const response = await stack.gql(query, variables, OTHER);
  return { status: response.status, body: response.body, upstream: stack.sims.totalRequests() };
}

/** An id of valid shape naming a company no tenant holds. */
const randomId = (type: NodeType, provider: ProviderName = 'MYUNISOFT') =>
  encodeGlobalId({ type, provider, companyId: 'no-such-company-4242', nativeId: 'no-such-object-4242' });

/** What the caller sees of an error: everything but the stack-free location data is compared. */
const shapeOf = (response: { status: number; body: GqlResponse['body'] }) => {
  const { extensions, ...body } = response.body as GqlResponse['body'] & {
    extensions?: { upstream?: { calls: unknown } };
  };
  // The provider calls made belong to the shape; the budget left moves on with every request.
  return { status: response.status, body, calls: extensions?.upstream?.calls ?? {} };
};

const NODE = `query ($id: ID!) { node(id: $id) { id } }`;

describe('tenants see disjoint companies', () => {
  it('lists no company of one tenant among the other’s, at any provider', async () => {
    const list = async (key: string) => {
      const { body } = await stack.gql<{ companies: { edges: { node: { id: string } }[] } }>(
        `{ companies(first: 500) { edges { node { id } } } }`,
        {},
        key,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.companies.edges.map((e) => e.node.id);
    };
    const [mine, theirs] = await Promise.all([list('demo'), list(OTHER)]);
    expect(mine.length).toBeGreaterThan(3);
    expect(theirs.length).toBeGreaterThan(3);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    const providers = (ids: string[]) => new Set(ids.map((id) => decodeGlobalId(id, 'id').provider));
    expect(providers(mine)).toEqual(new Set(PROVIDERS));
    expect(providers(theirs)).toEqual(new Set(PROVIDERS));
  });
});

describe('nodes of tenant demo, asked by demo-other', () => {
  const cases = (): [string, NodeType, string][] => [
    ['Company (Jepilote)', 'Company', demo.companies.jepilote],
    ['Company (MyUnisoft)', 'Company', demo.companies.myunisoft],
    ['Company (Inqom)', 'Company', demo.companies.inqom],
    ['Company (Pleo)', 'Company', demo.companies.pleo],
    ['Exercise', 'Exercise', demo.exercise],
    ['Entry (MyUnisoft)', 'Entry', demo.entries[0]!],
    ['Entry (Pleo)', 'Entry', demo.pleoEntries[0]!],
    ['Movement', 'Movement', demo.movement],
    ['Document', 'Document', demo.document],
    ['ExportJob', 'ExportJob', demo.exportJob],
    ['BulkExport', 'BulkExport', demo.bulkExport],
  ];

  it('are all visible to demo itself (the ids are real)', async () => {
    const all = cases().map(([, , id]) => id);
    const { body } = await stack.gql<{ nodes: ({ id: string } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: all },
      'demo',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.nodes).toEqual(all.map((id) => ({ id })));
  });

  it('answer node(id) exactly like a nonexistent id of the same type, without any upstream call', async () => {
    for (const [label, type, id] of cases()) {
      const foreign = await asOther(NODE, { id });
      const random = await asOther(NODE, { id: randomId(type, decodeGlobalId(id, 'id').provider) });
      expect({ label, ...shapeOf(foreign) }).toEqual({ label, ...shapeOf(random) });
      expect({ label, body: foreign.body }).toEqual({ label, body: { data: { node: null } } });
      expect({ label, upstream: foreign.upstream }).toEqual({ label, upstream: 0 });
    }
  });

  it('answer nodes(ids) with one null each and no error, without any upstream call', async () => {
    const all = cases().map(([, , id]) => id);
    const result = await asOther(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: all });
    expect(result.body).toEqual({ data: { nodes: all.map(() => null) } });
    expect(result.upstream).toBe(0);
  });

  it('answer the typed lookups company, exportJob and bulkExport like nonexistent ids', async () => {
    const lookups: [string, NodeType, string][] = [
      ['company', 'Company', demo.companies.myunisoft],
      ['company', 'Company', demo.companies.pleo],
      ['exportJob', 'ExportJob', demo.exportJob],
      ['bulkExport', 'BulkExport', demo.bulkExport],
    ];
    for (const [field, type, id] of lookups) {
      const query = `query ($id: ID!) { ${field}(id: $id) { id } }`;
      const foreign = await asOther(query, { id });
      const random = await asOther(query, { id: randomId(type, decodeGlobalId(id, 'id').provider) });
      expect(shapeOf(foreign)).toEqual(shapeOf(random));
      expect(foreign.body).toEqual({ data: { [field]: null } });
      expect(foreign.upstream).toBe(0);
    }
  });

  it('refuse forged ids: demo’s native ids re-encoded with another provider or another type', async () => {
    const allowed = (provider: ProviderName, companyId: string) =>
      stack.config.tenants.find((t) => t.id === OTHER)!.companies[provider]!.includes(companyId);
    const forged: string[] = [];
    for (const [, , id] of cases()) {
      const real = decodeGlobalId(id, 'id');
      for (const provider of PROVIDERS) {
        if (!allowed(provider, real.companyId)) forged.push(encodeGlobalId({ ...real, provider }));
      }
      for (const type of ['Entry', 'Document', 'ExportJob'] as const)
        forged.push(encodeGlobalId({ ...real, type }));
    }
    expect(forged.length).toBeGreaterThan(40);
    for (let i = 0; i < forged.length; i += 100) {
      const ids = forged.slice(i, i + 100);
      const result = await asOther(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
      expect(result.body).toEqual({ data: { nodes: ids.map(() => null) } });
      expect(result.upstream).toBe(0);
    }
  });

  it('find nothing when demo’s native ids are moved under demo-other’s own company', async () => {
    // Allowed company, so the provider (or the tenant's store) is asked: it must not know the object.
    const own = demoCompanyIds(stack, OTHER);
    const moved = cases()
      .filter(([, type]) => type !== 'Company')
      .map(([, , id]) => {
        const real = decodeGlobalId(id, 'id');
        const simulator = real.provider.toLowerCase() as keyof typeof own;
        return encodeGlobalId({ ...real, companyId: decodeGlobalId(own[simulator], 'id').companyId });
      });
    const { body } = await stack.gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: moved },
      OTHER,
    );
    expect(body.data).toEqual({ nodes: moved.map(() => null) });
    expect(body.errors).toBeUndefined();
  });
});

describe('cursors of tenant demo, replayed by demo-other', () => {
  const COMPANIES = `query ($after: String) { companies(first: 1, after: $after) { edges { node { id } } } }`;
  const ENTRIES = `query ($id: ID!, $after: String) {
    company(id: $id) { entries(first: 2, after: $after) { edges { node { id } } } } }`;

  it('on companies: refused like a made-up cursor, before any upstream call', async () => {
    const foreign = await asOther(COMPANIES, { after: demo.companiesCursor });
    const madeUp = await asOther(COMPANIES, { after: 'bm90LWEtY3Vyc29y.AAAA' });
    expect(shapeOf(foreign)).toEqual(shapeOf(madeUp));
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(foreign.upstream).toBe(0);
  });

  it('on a nested connection of demo’s company: the company is not found, nothing is called', async () => {
    const result = await asOther(ENTRIES, { id: demo.companies.myunisoft, after: demo.entriesCursor });
    expect(result.body).toEqual({ data: { company: null } });
    expect(result.upstream).toBe(0);
  });

  it('on the same connection of its own company: refused like a made-up cursor, the listing never called', async () => {
    const own = demoCompanyIds(stack, OTHER).myunisoft;
    const baseline = await asOther(`query ($id: ID!) { company(id: $id) { id } }`, { id: own });
    expect(baseline.body.errors).toBeUndefined();
    const foreign = await asOther(ENTRIES, { id: own, after: demo.entriesCursor });
    const madeUp = await asOther(ENTRIES, { id: own, after: `${demo.entriesCursor.split('.')[0]}.AAAA` });
    expect(shapeOf(foreign)).toEqual(shapeOf(madeUp));
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // Only the company lookup the query starts with went upstream: the entries were never listed.
    expect(foreign.upstream).toBe(baseline.upstream);
  });
});

describe('mutations naming a company of tenant demo', () => {
  const CREATE_EXPORT = `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { id } }`;
  const START_BULK = `mutation ($input: StartBulkExportInput!) { startBulkExport(input: $input) { id } }`;

  /** Runs `query` with `input(companyId)` for demo's company and for a random one: same answer, no call. */
  async function expectNotFoundLikeRandom(
    query: string,
    input: (companyId: string) => Record<string, unknown>,
    companyId: string,
  ) {
    const provider = decodeGlobalId(companyId, 'id').provider;
    const foreign = await asOther(query, { input: input(companyId) });
    const random = await asOther(query, { input: input(randomId('Company', provider)) });
    expect(shapeOf(foreign)).toEqual(shapeOf(random));
    expect(foreign.body.data).toBeNull();
    expect(foreign.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'NOT_FOUND', field: 'input.companyId' },
    ]);
    expect(foreign.upstream).toBe(0);
  }

  it('createExportJob (Jepilote FEC) answers NOT_FOUND like a random company', () =>
    expectNotFoundLikeRandom(
      CREATE_EXPORT,
      (companyId) => ({ companyId, format: 'FEC' }),
      demo.companies.jepilote,
    ));

  it('createExportJob (Pleo, demo’s own entry ids) answers NOT_FOUND like a random company', async () => {
    const foreign = await asOther(CREATE_EXPORT, {
      input: { companyId: demo.companies.pleo, entryIds: demo.pleoEntries },
    });
    expect(foreign.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'NOT_FOUND', field: 'input.companyId' },
    ]);
    expect(foreign.upstream).toBe(0);
  });

  it('createExportJob with demo’s entry ids on demo-other’s own Pleo company is refused before any call', async () => {
    const own = demoCompanyIds(stack, OTHER).pleo;
    const result = await asOther(CREATE_EXPORT, { input: { companyId: own, entryIds: demo.pleoEntries } });
    expect(result.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.entryIds.0' },
    ]);
    expect(result.upstream).toBe(0);
  });

  it('idempotency keys do not cross tenants: demo’s key reused by demo-other starts its own export', async () => {
    const key = `isolation-${Date.now()}`;
    const mine = await stack.gql<{ createExportJob: { id: string } }>(
      CREATE_EXPORT,
      { input: { companyId: demo.companies.jepilote, format: 'FEC', idempotencyKey: key } },
      'demo',
    );
    expect(mine.body.errors).toBeUndefined();
    const own = demoCompanyIds(stack, OTHER).jepilote;
    const theirs = await asOther(CREATE_EXPORT, {
      input: { companyId: own, format: 'ACD', idempotencyKey: key },
    });
    // Neither "used with a different input" (an oracle on demo's keys) nor demo's recorded job.
    expect(theirs.body.errors).toBeUndefined();
    const job = (theirs.body.data as { createExportJob: { id: string } }).createExportJob;
    expect(decodeGlobalId(job.id, 'id').companyId).toBe(decodeGlobalId(own, 'id').companyId);
    expect(job.id).not.toBe(mine.body.data?.createExportJob.id);
    expect(theirs.upstream).toBeGreaterThan(0);
  });

  it('startBulkExport answers NOT_FOUND like a random company', () =>
    expectNotFoundLikeRandom(
      START_BULK,
      (companyId) => ({ companyId, kind: 'MOVEMENTS', format: 'CSV', from: '2026-01-01', to: '2026-01-31' }),
      demo.companies.myunisoft,
    ));

  it('startBulkExport with demo’s exercise on demo-other’s own company answers NOT_FOUND, no call', async () => {
    const own = demoCompanyIds(stack, OTHER).myunisoft;
    const result = await asOther(START_BULK, {
      input: { companyId: own, kind: 'MOVEMENTS', format: 'CSV', exerciseId: demo.exercise },
    });
    expect(result.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'NOT_FOUND', field: 'input.exerciseId' },
    ]);
    expect(result.upstream).toBe(0);
  });

  it('movements filtered by demo’s exercise on demo-other’s own company: NOT_FOUND, the listing never called', async () => {
    const own = demoCompanyIds(stack, OTHER).myunisoft;
    const baseline = await asOther(`query ($id: ID!) { company(id: $id) { id } }`, { id: own });
    const result = await asOther(
      `query ($id: ID!, $ex: ID!) { company(id: $id) { movements(first: 1, filter: { exerciseId: $ex }) { totalCount } } }`,
      { id: own, ex: demo.exercise },
    );
    expect(result.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'NOT_FOUND', field: 'filter.exerciseId' },
    ]);
    expect(result.upstream).toBe(baseline.upstream);
  });

  it('uploadDocument and createExpenseBill answer NOT_FOUND like a random company, sending no byte', async () => {
    const file = {
      variablePath: 'input.file',
      bytes: makePdf(['Facture isolation', 'Total 10,00 EUR']),
      fileName: 'facture.pdf',
      contentType: 'application/pdf',
    };
    const upload = (companyId: string) =>
      runUpload(
        stack,
        UploadDocumentDocument,
        { input: { companyId, type: 'OTHER', file: null } },
        [file],
        OTHER,
      );
    const bill = (companyId: string) =>
      runUpload(
        stack,
        CreateExpenseBillDocument,
        { input: { companyId, beneficiaryFullName: 'Camille Martin', reference: 'NDF-1', file: null } },
        [file],
        OTHER,
      );
    for (const send of [upload, bill]) {
      stack.sims.resetRequests();
      const foreign = await send(demo.companies.inqom);
      expect(stack.sims.totalRequests()).toBe(0);
      const random = await send(randomId('Company', 'INQOM'));
      expect({ status: foreign.status, data: foreign.data, errors: foreign.errors }).toEqual({
        status: random.status,
        data: random.data,
        errors: random.errors,
      });
      expect(foreign.errors?.map((e) => e.extensions)).toEqual([
        { code: 'NOT_FOUND', field: 'input.companyId' },
      ]);
    }
  });
});

describe('download links of tenant demo, fetched with demo-other’s key', () => {
  async function get(url: string, apiKey: string | null) {
    stack.sims.resetRequests();
    const response = await request(url, apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {});
    const text = await response.body.text();
    return {
      status: response.statusCode,
      type: response.headers['content-type'],
      text,
      upstream: stack.sims.totalRequests(),
    };
  }
  /** The same route with a token nobody signed. */
  const forgedUrl = (url: string) =>
    url.replace(/\/[^/]+$/, '/eyJ0IjoiZGVtbyJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');

  it.each([
    ['export file', () => demo.exportDownloadUrl],
    ['document', () => demo.documentDownloadUrl],
    ['bulk export file', () => demo.bulkDownloadUrl],
  ])('%s: 404 exactly like a forged link, nothing read upstream', async (_label, urlOf) => {
    const url = urlOf();
    expect((await get(url, 'demo')).status).toBe(200);
    const foreign = await get(url, OTHER);
    const forged = await get(forgedUrl(url), OTHER);
    expect(foreign.status).toBe(404);
    expect({ ...foreign, upstream: 0 }).toEqual({ ...forged, upstream: 0 });
    expect(JSON.parse(foreign.text).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(foreign.upstream).toBe(0);
    // The link is its own credential: without a header it works, for the tenant it was signed for.
    expect((await get(url, null)).status).toBe(200);
  });
});
