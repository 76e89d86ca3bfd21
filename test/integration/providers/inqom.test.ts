/** The Inqom connector against the Inqom simulator over real HTTP on loopback. */
import { Readable } from 'node:stream';
import { request } from 'undici';
import { createDataset } from '../../../src/simulators/data/dataset';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createInqomSimulator, type InqomSimulator } from '../../../src/simulators/inqom/server';
import { createInqomConnector } from '../../../src/providers/inqom/connector';
import type { InqomAccount } from '../../../src/providers/inqom/client';
import { MemoryStore } from '../../../src/store/memory-store';
import { sumCents } from '../../../src/domain/money';
import { NotFoundError, UnsupportedByProviderError, UpstreamError } from '../../../src/errors';
import type { ProviderConnector, ProviderSession, UploadPayload } from '../../../src/providers/types';
import type { EntryRecord, MovementRecord } from '../../../src/domain/model';

// Scale 10: about 1,000 entry lines per exercise and 120 documents per folder, so pages are crossed.
const dataset = createDataset({ seed: 7, scale: 10 });
const creds = demoCredentials.inqom;
let clock = Date.now();
let sim: InqomSimulator;
let store: MemoryStore;
let connector: ProviderConnector;

const account = (): InqomAccount => ({
  authUrl: sim.url,
  apiUrl: sim.url,
  thumbnailOrigins: [],
  clientId: creds.clientId,
  clientSecret: creds.clientSecret,
  ...creds.demo,
});
const session = (): ProviderSession => connector.openSession({ requestId: 'test' });
const count = (method: string, pattern: RegExp) =>
  sim.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
const tokenRequests = () => count('POST', /^\/identity\/connect\/token$/);
const folder = dataset.company('inqom', '11287')!;
const exercise2026 = folder.exercises[2]!;

beforeAll(async () => {
  // The clock is moved by hand to expire tokens, so the simulator's per-second windows mean nothing here.
  sim = await createInqomSimulator({ dataset, now: () => clock, enforceRateLimits: false });
});
beforeEach(() => {
  store = new MemoryStore();
  connector = createInqomConnector(account(), { tenantId: 'demo', store });
  sim.resetRequests();
});
afterEach(() => connector.close());
afterAll(() => sim.close());

describe('token', () => {
  it('is fetched once across many sessions and concurrent calls', async () => {
    await session().listCompanies();
    await Promise.all(Array.from({ length: 20 }, () => session().listExercises!('11287')));
    expect(tokenRequests()).toBe(1);
    expect(count('GET', /accounting-periods$/)).toBe(20);
  });

  it('is fetched once by concurrent first calls', async () => {
    await Promise.all(Array.from({ length: 12 }, () => session().listCompanies()));
    expect(tokenRequests()).toBe(1);
  });

  it("is refreshed once after a 403 (Inqom's failed authentication), and the calls retried once", async () => {
    await session().listCompanies();
    clock += 3_601_000; // the simulator's clock passes the token's expiry; the gateway's does not
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => session().listExercises!('11287')));
      expect(results.every((r) => r.length === 3)).toBe(true);
      expect(tokenRequests()).toBe(2);
      expect(count('GET', /accounting-periods$/)).toBe(20); // ten refused, ten retried
      await session().listExercises!('11288');
      expect(tokenRequests()).toBe(2);
    } finally {
      clock -= 3_601_000;
    }
  });

  it('is fetched once by two gateway instances sharing a store', async () => {
    const second = createInqomConnector(account(), { tenantId: 'demo', store });
    try {
      await Promise.all([
        ...Array.from({ length: 5 }, () => session().listCompanies()),
        ...Array.from({ length: 5 }, () => second.openSession({ requestId: 'b' }).listCompanies()),
      ]);
      expect(tokenRequests()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('is namespaced by tenant and never stored under a key holding the secret', async () => {
    const spy = jest.spyOn(store, 'set');
    await session().listCompanies();
    const keys = spy.mock.calls.map(([key]) => key);
    expect(keys.some((k) => k.startsWith('tenant:demo:inqom:token:'))).toBe(true);
    for (const key of keys) {
      expect(key).not.toContain(creds.clientSecret);
      expect(key).not.toContain(creds.demo.password);
      expect(key).not.toContain(creds.demo.username);
    }
  });

  it('reports refused credentials without echoing them', async () => {
    const bad = createInqomConnector(
      { ...account(), password: 'not-the-password-123' },
      { tenantId: 'demo', store },
    );
    try {
      const error = await bad
        .openSession({ requestId: 'x' })
        .listCompanies()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).message).toContain('invalid_grant');
      expect(
        JSON.stringify({ m: (error as Error).message, e: (error as UpstreamError).extensions }),
      ).not.toMatch(/not-the-password|iq-client-secret/);
    } finally {
      await bad.close();
    }
  });
});

describe('companies and exercises', () => {
  it('lists the firm folders as companies and reads them from one upstream call per request', async () => {
    const s = session();
    const [all, a, b, missing] = await Promise.all([
      s.listCompanies(),
      s.getCompany('11287'),
      s.getCompany('11288'),
      s.getCompany('11301'),
    ]);
    expect(all).toEqual([
      { provider: 'INQOM', providerId: '11287', name: 'ATELIER LUMIERE', siren: folder.siren },
      { provider: 'INQOM', providerId: '11288', name: 'TRANSPORTS RAPIDES 33', siren: expect.any(String) },
    ]);
    expect([a?.name, b?.providerId, missing]).toEqual(['ATELIER LUMIERE', '11288', null]);
    expect(count('GET', /accounting-folders$/)).toBe(1);
  });

  it('maps accounting periods to exercises', async () => {
    const s = session();
    const exercises = await s.listExercises!('11287');
    expect(exercises.map((e) => [e.providerId, e.startDate, e.endDate, e.closed])).toEqual(
      folder.exercises.map((e) => [e.id, e.startDate, e.endDate, e.closed]),
    );
    expect(await s.getExercise!('11287', exercise2026.id)).toMatchObject({ label: 'N', closed: false });
    expect(await s.getExercise!('11287', '1')).toBeNull();
  });

  it('treats a 403 that outlives one re-authentication as an upstream auth error, never not found', async () => {
    await session().listCompanies();
    sim.resetRequests();
    const refused = await session().listExercises!('11301').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UpstreamError);
    expect(refused).not.toBeInstanceOf(NotFoundError);
    expect(refused).toMatchObject({ code: 'UPSTREAM_ERROR', status: 403 });
    expect((refused as UpstreamError).message).toMatch(/credentials refused/);
    // One re-authentication, one retry, then the error.
    expect(tokenRequests()).toBe(1);
    expect(count('GET', /accounting-periods$/)).toBe(2);
    const foreignDoc = dataset.company('inqom', '11301')!.documents[0]!;
    await expect(session().getDocument!('11301', foreignDoc.id)).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 403,
    });
    // A document that does not exist is still null (404).
    expect(await session().getDocument!('11287', '999999999')).toBeNull();
  });
});

/** Every line of the exercise as the generator holds it, in cents. */
const generatedLines = () => [...dataset.entries(folder, exercise2026)].flatMap((e) => e.lines);

describe('movements', () => {
  it('pages through an exercise (crossing upstream pages) and sums to the cent', async () => {
    const s = session();
    const movements: MovementRecord[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount: number | null = null;
    for (;;) {
      const page = await s.listMovements!('11287', { exerciseId: exercise2026.id }, { first: 137, after });
      pages++;
      totalCount = page.totalCount;
      movements.push(...page.items.map((i) => i.node));
      if (!page.hasNextPage) break;
      after = page.items[page.items.length - 1]!.resumeToken;
    }
    const expected = generatedLines();
    expect(expected.length).toBeGreaterThan(1000);
    expect(movements).toHaveLength(expected.length);
    expect(totalCount).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 137));
    expect(new Set(movements.map((m) => m.providerId)).size).toBe(movements.length);
    const debit = sumCents(movements.map((m) => m.debit));
    expect(debit).toBe(sumCents(expected.map((l) => l.debit)));
    expect(sumCents(movements.map((m) => m.credit))).toBe(debit);
    expect(sumCents(movements.map((m) => m.amount))).toBe(0);
    // One session: each upstream page of 1,000 lines and the count are read once.
    expect(count('GET', /entry-lines$/)).toBe(Math.ceil(expected.length / 1000));
    expect(count('GET', /entry-lines\/count$/)).toBe(1);
  });

  it('filters by window, account class and lettering', async () => {
    const s = session();
    const page = await s.listMovements!(
      '11287',
      { from: '2026-02-01', to: '2026-02-28', accountClasses: ['401'], lettering: 'NONE' },
      { first: 500, after: null },
    );
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.totalCount).toBeNull();
    for (const { node } of page.items) {
      expect(node.date.slice(0, 7)).toBe('2026-02');
      expect(node.account?.number.startsWith('401')).toBe(true);
      expect(node.lettering).toEqual({ state: 'NONE', value: null });
    }
  });

  it('reads one movement by id from a single day of lines', async () => {
    const s = session();
    const first = (
      await s.listMovements!('11287', { from: '2026-03-01', to: '2026-03-31' }, { first: 3, after: null })
    ).items[2]!.node;
    sim.resetRequests();
    expect(await connector.openSession({ requestId: 'r' }).getMovement!('11287', first.providerId)).toEqual(
      first,
    );
    expect(sim.requests.map((r) => r.query).filter((q) => q.includes('startDate'))).toEqual([
      `startDate=${first.date}&endDate=${first.date}&pageNumber=1`,
    ]);
    expect(await s.getMovement!('11287', '123@2026-03-01')).toBeNull();
    expect(await s.getMovement!('11287', 'garbage')).toBeNull();
  });

  it('refuses MyUnisoft-only filters as unsupported', async () => {
    await expect(
      session().listMovements!('11287', { source: 'E' }, { first: 5, after: null }),
    ).rejects.toBeInstanceOf(UnsupportedByProviderError);
    await expect(
      session().listMovements!('11287', { exerciseId: '1' }, { first: 5, after: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('entries', () => {
  it('groups lines into whole, balanced entries across page boundaries', async () => {
    const s = session();
    const entries: EntryRecord[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await s.listEntries!(
        '11287',
        { from: exercise2026.startDate, to: exercise2026.endDate },
        { first: 50, after },
      );
      entries.push(...page.items.map((i) => i.node));
      if (!page.hasNextPage) break;
      after = page.items[page.items.length - 1]!.resumeToken;
    }
    const expected = [...dataset.entries(folder, exercise2026)];
    expect(entries.map((e) => e.providerId)).toEqual(expected.map((e) => `${e.id}@${e.date}`));
    entries.forEach((entry, i) => {
      expect(entry.lines).toHaveLength(expected[i]!.lines.length);
      expect(sumCents(entry.lines.map((l) => l.debit))).toBe(sumCents(entry.lines.map((l) => l.credit)));
    });
    const withDocument = expected.findIndex((e) => e.documentIndex !== null);
    expect(entries[withDocument]!.documentIds).toEqual([
      folder.documents[expected[withDocument]!.documentIndex!]!.id,
    ]);
  });

  it('filters by journal and type, and reads one entry by id', async () => {
    const s = session();
    const bank = await s.listEntries!(
      '11287',
      { journalCode: 'BQ', from: '2026-01-01', to: '2026-06-30' },
      { first: 500, after: null },
    );
    expect(bank.items.length).toBeGreaterThan(0);
    expect(bank.items.every((i) => i.node.journal.code === 'BQ' && i.node.type === 'ENTRY')).toBe(true);
    const manual = await s.listEntries!(
      '11287',
      { type: 'MANUAL', from: '2026-01-01', to: '2026-01-31' },
      { first: 10, after: null },
    );
    expect(manual.items).toEqual([]);
    const one = bank.items[0]!.node;
    expect(await connector.openSession({ requestId: 'r' }).getEntry!('11287', one.providerId)).toEqual(one);
  });
});

describe('documents', () => {
  it('costs one GET per distinct document: 50 lookups of 10 documents are 10 calls', async () => {
    const s = session();
    const ids = folder.documents.slice(0, 10).map((d) => d.id);
    const docs = await Promise.all(
      Array.from({ length: 50 }, (_, i) => s.getDocument!('11287', ids[i % 10]!)),
    );
    expect(docs.every((d) => d !== null)).toBe(true);
    expect(count('GET', /\/Documents\/\d+$/)).toBe(10);
  });

  it("resolves 50 entries' documents with one GET per distinct document", async () => {
    const s = session();
    const entries = (
      await s.listEntries!('11287', { from: '2026-01-01', to: '2026-12-31' }, { first: 50, after: null })
    ).items;
    const ids = entries.flatMap((e) => e.node.documentIds);
    sim.resetRequests();
    await Promise.all(ids.map((id) => s.getDocument!('11287', id)));
    expect(count('GET', /\/Documents\/\d+$/)).toBe(new Set(ids).size);
  });

  it('lists with filters across upstream pages and reuses listed documents without another GET', async () => {
    const s = session();
    const all = [];
    let after: string | null = null;
    let total: number | null = null;
    do {
      const page = await s.listDocuments!('11287', {}, { first: 45, after });
      all.push(...page.items.map((i) => i.node));
      total = page.totalCount;
      after = page.hasNextPage ? page.items[page.items.length - 1]!.resumeToken : null;
    } while (after);
    expect(all).toHaveLength(folder.documents.length);
    expect(total).toBe(folder.documents.length);
    expect(new Set(all.map((d) => d.status))).toEqual(
      new Set(['RECEIVED', 'TO_REVIEW', 'PROCESSING', 'DUPLICATE', 'DONE', 'MANUAL_PROCESSING', 'DELETED']),
    );
    const duplicate = all.find((d) => d.status === 'DUPLICATE')!;
    expect(duplicate.duplicateOfId).toBe(folder.documents[0]!.id);
    const generated = folder.documents[3]!;
    expect(all[3]).toMatchObject({
      providerId: generated.id,
      amount: generated.amount,
      checksum: generated.checksum,
      counterParty: generated.counterParty,
    });
    sim.resetRequests();
    await s.getDocument!('11287', generated.id);
    expect(sim.requests).toHaveLength(0);
    const done = await s.listDocuments!(
      '11287',
      { status: 'DONE', type: 'PURCHASE_INVOICE' },
      { first: 500, after: null },
    );
    expect(done.items.every((i) => i.node.status === 'DONE' && i.node.type === 'PURCHASE_INVOICE')).toBe(
      true,
    );
    expect(done.totalCount).toBe(done.items.length);
    expect(done.hasNextPage).toBe(false);
  });

  it('asks for a download URL only when asked, once per document, and the URL serves the bytes', async () => {
    const s = session();
    await s.getDocument!('11287', folder.documents[0]!.id);
    expect(count('GET', /public-url$/)).toBe(0);
    const [url, again] = await Promise.all([
      s.getDocumentDownloadUrl!('11287', folder.documents[0]!.id),
      s.getDocumentDownloadUrl!('11287', folder.documents[0]!.id),
    ]);
    expect(url).toBe(again);
    expect(count('GET', /public-url$/)).toBe(1);
    const download = await request(url!);
    expect(Buffer.from(await download.body.arrayBuffer()).equals(folder.documents[0]!.bytes)).toBe(true);
    expect(await s.getDocumentDownloadUrl!('11287', '1')).toBeNull();
  });
});

describe('uploads', () => {
  const payload = (bytes: Buffer, fileName = 'facture.pdf'): UploadPayload => ({
    fileName,
    contentType: 'application/pdf',
    size: bytes.length,
    // Several chunks, as a streamed upload arrives.
    stream: () => Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]),
  });

  it('streams an upload with the mapped fields, and maps a re-upload to a duplicate of the first', async () => {
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(200_000, 7),
      Buffer.from(String(Math.random())),
    ]);
    const request = {
      companyId: '11287',
      file: payload(bytes),
      type: 'PURCHASE_INVOICE' as const,
      reference: 'REF-9',
      sourceId: 'erp-9',
      skipExtraction: true,
    };
    const first = await session().uploadDocument!(request);
    expect(first).toMatchObject({
      provider: 'INQOM',
      companyId: '11287',
      name: 'facture.pdf',
      type: 'PURCHASE_INVOICE',
      status: 'RECEIVED',
      duplicateOfId: null,
      sizeKb: Math.ceil(bytes.length / 1024),
      // The seed's DocRef, SourceId, OriginalName and StatusReason, read back.
      reference: 'REF-9',
      sourceId: 'erp-9',
      originalName: 'facture.pdf',
      statusReason: null,
    });
    const stored = sim.documents.find(folder, first.providerId)!;
    expect(stored.bytes.equals(bytes)).toBe(true);
    expect(stored.withoutWorkflow).toBe(true);
    expect(stored.json).toMatchObject({
      Type: 'Supplier',
      DocRef: 'REF-9',
      SourceId: 'erp-9',
      Source: 'Api',
    });
    const second = await session().uploadDocument!({
      ...request,
      file: payload(bytes),
      type: 'SALES_INVOICE',
    });
    expect(second).toMatchObject({
      status: 'DUPLICATE',
      duplicateOfId: first.providerId,
      type: 'SALES_INVOICE',
      checksum: first.checksum,
    });
    const other = await session().uploadDocument!({
      companyId: '11287',
      file: payload(Buffer.from(`x${Math.random()}`), 'autre.pdf'),
      type: 'OTHER',
    });
    expect(other.type).toBe('OTHER');
    expect(sim.documents.find(folder, other.providerId)!.withoutWorkflow).toBe(false);
  });

  it('creates an expense bill and returns it as a document', async () => {
    const bytes = Buffer.from(`ticket de taxi ${Math.random()}`);
    const doc = await session().createExpenseBill!({
      companyId: '11287',
      file: { ...payload(bytes, 'taxi.jpg'), contentType: 'image/jpeg' },
      beneficiaryFullName: 'Jeanne Martin',
      reference: 'NDF-1',
    });
    expect(doc).toMatchObject({
      provider: 'INQOM',
      companyId: '11287',
      name: 'taxi.jpg',
      status: 'RECEIVED',
    });
    expect(sim.documents.find(folder, doc.providerId)!.json).toMatchObject({
      UserDefinedThirdPartyName: 'Jeanne Martin',
      DocRef: 'NDF-1',
    });
    expect(count('POST', /expense-bills$/)).toBe(1);
    expect(count('GET', new RegExp(`/Documents/${doc.providerId}$`))).toBe(1);
  });

  it('reports an upload to a foreign folder as an upstream refusal', async () => {
    const error = await session().uploadDocument!({
      companyId: '11301',
      file: payload(Buffer.from('x')),
      type: 'OTHER',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(403);
  });
});
