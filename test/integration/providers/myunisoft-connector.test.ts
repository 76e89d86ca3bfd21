import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator, MYUNISOFT_COMPANY_TOKEN } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createMyUnisoftConnector } from '../../../src/providers/myunisoft/connector';
import { MemoryStore } from '../../../src/store/memory-store';
import type { MovementFilter, ProviderConnector, ProviderSession } from '../../../src/providers/types';
import type { GenEntry } from '../../../src/simulators/data/ledger';
import type { MovementRecord } from '../../../src/domain/model';
import { sumCents } from '../../../src/domain/money';

describe('MyUnisoft connector against the simulator', () => {
  const dataset = createDataset();
  const company = dataset.company('myunisoft', '2101')!;
  let sim: SimulatorServer;
  let connector: ProviderConnector;
  let session: ProviderSession;
  const calls = (path: string) => sim.requests.filter((r) => r.path === path).length;
  // The snapshots' clock, so a test can let them expire.
  const clock = { at: Date.now() };
  const now = () => clock.at;
  const connect = (
    apiToken: string,
    access: 'firm' | 'company' = 'firm',
    { tenantId = 'demo', store = new MemoryStore(now) } = {},
  ) =>
    createMyUnisoftConnector(
      { baseUrl: sim.url, apiToken, thirdPartySecret: demoCredentials.myunisoft.thirdPartySecret, access },
      { tenantId, store },
      { now },
    );
  beforeAll(async () => {
    // The connector alone, without the gateway's budget: its listings fire bursts past the quota,
    // which test/integration/limits/ covers through the gateway.
    sim = await createMyUnisoftSimulator({ dataset, enforceRateLimits: false });
    connector = connect(demoCredentials.myunisoft.demo.apiToken);
  });
  beforeEach(() => {
    sim.resetRequests();
    session = connector.openSession({ requestId: 'test' });
  });
  afterAll(async () => {
    await connector.close();
    await sim.close();
  });

  it('lists companies and gets one with a single society call per request', async () => {
    const [all, one, again] = await Promise.all([
      session.listCompanies(),
      session.getCompany('2102'),
      session.getCompany('2101'),
    ]);
    expect(all.map((c) => [c.providerId, c.name, c.siren])).toEqual(
      dataset.companiesOf('myunisoft', 'demo').map((c) => [c.id, c.name, c.siren]),
    );
    expect(one?.name).toBe('GARAGE MARTIN ET FILS');
    expect(again?.providerId).toBe('2101');
    expect(await session.getCompany('2103')).toBeNull();
    expect(calls('/api/v1/society')).toBe(1);
  });

  it('reads exercises once per company per request', async () => {
    const [list, one] = await Promise.all([
      session.listExercises!('2101'),
      session.getExercise!('2101', company.exercises[1]!.id),
    ]);
    expect(list.map((e) => [e.providerId, e.startDate, e.endDate, e.closed])).toEqual(
      company.exercises.map((e) => [e.id, e.startDate, e.endDate, e.closed]),
    );
    expect(one?.label).toBe('N-1');
    expect(calls('/api/v1/mad/exercices')).toBe(1);
  });

  it('lists entries of every type from one snapshot: page 1 costs six lists, later pages none', async () => {
    const expected = company.exercises.flatMap((e) => [...dataset.entries(company, e)]);
    const first = await session.listEntries!('2101', {}, { first: 50, after: null });
    expect(first.totalCount).toBe(expected.length);
    expect(first.hasNextPage).toBe(true);
    expect(calls('/api/v1/entries')).toBe(6);
    const seen = [...first.items];
    let after = first.items.at(-1)!.resumeToken;
    let pages = 1;
    for (;;) {
      pages++;
      const next = await connector.openSession({ requestId: 'next' }).listEntries!(
        '2101',
        {},
        { first: 50, after },
      );
      seen.push(...next.items);
      if (!next.hasNextPage) break;
      after = next.items.at(-1)!.resumeToken;
    }
    expect(pages).toBeGreaterThan(2);
    expect(calls('/api/v1/entries')).toBe(6);
    expect(seen.map((i) => i.node.providerId).sort()).toEqual(expected.map((e) => e.id).sort());
    const byId = new Map(expected.map((e) => [e.id, e]));
    for (const { node } of seen) {
      const source = byId.get(node.providerId)!;
      expect(node.lines.map((l) => [l.debit, l.credit])).toEqual(
        source.lines.map((l) => [l.debit, l.credit]),
      );
      expect(sumCents(node.lines.map((l) => l.debit))).toBe(sumCents(node.lines.map((l) => l.credit)));
    }
  });

  it('passes the type, journal and date filters through', async () => {
    const page = await session.listEntries!(
      '2101',
      { type: 'PENDING_OCR', journalCode: 'AC', from: '2025-01-01', to: '2025-12-31' },
      { first: 500, after: null },
    );
    const expected = [...dataset.entries(company, company.exercises[1]!)].filter(
      (e) => e.type === 'O' && e.journal.code === 'AC',
    );
    expect(page.items.map((i) => i.node.providerId)).toEqual(expected.map((e) => e.id));
    expect(page.items.every((i) => i.node.type === 'PENDING_OCR' && i.node.journal.type === null)).toBe(true);
    expect(calls('/api/v1/entries')).toBe(1);
  });

  it('gets one entry through /mad/entry, deduped inside a request, consistent with the listing', async () => {
    const entry = [...dataset.entries(company, company.exercises[0]!)].find((e) => e.type === 'M')!;
    const [a, b] = await Promise.all([
      session.getEntry!('2101', entry.id),
      session.getEntry!('2101', entry.id),
    ]);
    expect(a).toBe(b);
    expect(calls('/api/v1/mad/entry')).toBe(1);
    expect(a).toMatchObject({
      providerId: entry.id,
      type: 'MANUAL',
      date: entry.date,
      journal: { code: entry.journal.code, type: entry.journal.type },
    });
    const listed = (
      await session.listEntries!('2101', { type: 'MANUAL' }, { first: 500, after: null })
    ).items.find((i) => i.node.providerId === entry.id)!;
    expect(a!.lines).toEqual(listed.node.lines);
    expect(await session.getEntry!('2101', '1')).toBeNull();
    expect(await session.getEntry!('2101', entry.lines[0]!.piece)).toBeNull();
  });

  const walkMovements = async (filter: MovementFilter, first = 7, through = connector) => {
    const seen: MovementRecord[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await through.openSession({ requestId: `p${pages}` }).listMovements!('2101', filter, {
        first,
        after,
      });
      pages++;
      seen.push(...page.items.map((i) => i.node));
      if (!page.hasNextPage) break;
      after = page.items.at(-1)!.resumeToken;
    }
    return { seen, pages };
  };
  // A movement's native id carries its entry's (`<movement>@<entry>`, see movement-ids.ts).
  const movementIds = (entries: GenEntry[]) => entries.flatMap((e) => e.lines.map((l) => `${l.id}@${e.id}`));
  const madCalls = () => sim.requests.filter((r) => r.path === '/api/v1/mad/movements').map((r) => r.query);

  it('pages an exercise as idExercice selects it: booked in it, whatever the document date', async () => {
    const [previous, exercise] = [company.exercises[0]!, company.exercises[1]!];
    const entries = [...dataset.entries(company, exercise)];
    const lines = entries.flatMap((e) => e.lines);
    const { seen, pages } = await walkMovements({ exerciseId: exercise.id });
    expect(seen.map((m) => m.providerId).sort()).toEqual(movementIds(entries).sort());
    // The December invoice booked in January is in; the January invoice booked in December is not.
    expect(seen.some((m) => m.date < exercise.startDate)).toBe(true);
    const lateOfPrevious = [...dataset.entries(company, previous)].filter((e) => e.date > previous.endDate);
    expect(lateOfPrevious.length).toBeGreaterThan(0);
    const seenIds = new Set(seen.map((m) => m.providerId));
    expect(movementIds(lateOfPrevious).some((id) => seenIds.has(id))).toBe(false);
    expect(sumCents(seen.map((m) => m.debit))).toBe(sumCents(lines.map((l) => l.debit)));
    expect(sumCents(seen.map((m) => m.amount))).toBe(0);
    // A few windows on the accounting date (1–10 January, then grown from the density seen), then the
    // drafts on the document date from the exercise's start, sized from the last validated window's density
    // (this small company's: the whole year at once), each downloaded once however many pages read them;
    // hasNextPage is exact: no empty last page.
    const asked = madCalls();
    const windows = (q: string) => /startDate=([\d-]+)&endDate=([\d-]+)/.exec(q)!.slice(1);
    const validated = asked.filter((q) => q.includes('dateFilter=accounting') && !/(^|&)draft/.test(q));
    const drafts = asked.filter((q) => q.includes('dateFilter=document') && /(^|&)draft/.test(q));
    expect(validated.length + drafts.length).toBe(asked.length);
    expect(validated.length).toBeLessThanOrEqual(4);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.length).toBe(1);
    expect(asked.indexOf(drafts[0]!)).toBe(validated.length);
    expect(windows(validated[0]!)).toEqual(['2025-01-01', '2025-01-10']);
    expect(windows(validated.at(-1)!)[1]).toBe('2025-12-31');
    expect(windows(drafts[0]!)).toEqual(['2025-01-01', '2025-12-31']);
    expect(asked.some((q) => q.includes('idExercice'))).toBe(false);
    expect(pages).toBe(Math.ceil(seen.length / 7));
    // Only page 1 looked the exercise up: later cursors carry the period's end.
    expect(calls('/api/v1/mad/exercices')).toBe(1);
    const sample = seen.find((m) => m.analytics.length > 1)!;
    expect(sample.analytics[0]!.sections.map((s) => s.rate)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+(\.\d+)?$/)]),
    );
  });

  it('draft: false gives only validated movements, draft: true only drafts, of a window or an exercise', async () => {
    const exercise = company.exercises[1]!;
    const entries = [...dataset.entries(company, exercise)];
    const validated = await walkMovements({ exerciseId: exercise.id, draft: false }, 50);
    expect(validated.seen.map((m) => m.providerId).sort()).toEqual(
      movementIds(entries.filter((e) => !e.draft)).sort(),
    );
    expect(madCalls().every((q) => !/(^|&)draft/.test(q))).toBe(true);
    sim.resetRequests();
    // A connector of its own: the drafts windows of the walks above are stored in the first one's store.
    const fresh = connect(demoCredentials.myunisoft.demo.apiToken);
    const drafts = await walkMovements({ exerciseId: exercise.id, draft: true }, 50, fresh);
    await fresh.close();
    expect(drafts.seen.map((m) => m.providerId)).toEqual(movementIds(entries.filter((e) => e.draft)));
    expect(madCalls().length).toBeGreaterThan(0);
    expect(madCalls().every((q) => /(^|&)draft/.test(q) && q.includes('dateFilter=document'))).toBe(true);
    const window = { from: '2025-01-01', to: '2025-12-31' };
    const inWindow = company.exercises
      .flatMap((e) => [...dataset.entries(company, e)])
      .filter((e) => e.date >= window.from && e.date <= window.to);
    expect(inWindow.some((e) => e.draft)).toBe(true);
    const windowValidated = await walkMovements({ ...window, draft: false }, 50);
    expect(windowValidated.seen.map((m) => m.providerId)).toEqual(
      movementIds(inWindow.filter((e) => !e.draft)),
    );
    const windowAll = await walkMovements(window, 50);
    expect(windowAll.seen.map((m) => m.providerId)).toEqual(movementIds(inWindow));
  });

  it('serves a second page from the stored window, without a new download', async () => {
    const filter = { from: '2025-03-01', to: '2025-04-30', accountClasses: ['4'] };
    const windowsAsked = () =>
      sim.requests
        .filter((r) => r.path === '/api/v1/mad/movements')
        .map((r) => /startDate=([\d-]+)&endDate=([\d-]+)/.exec(r.query)!.slice(1).join('..'));
    const first = await session.listMovements!('2101', filter, { first: 2, after: null });
    // The first page reads only the windows it needs, starting with 1–10 March.
    expect(windowsAsked()[0]).toBe('2025-03-01..2025-03-10');
    expect(windowsAsked().length).toBeLessThan(6);
    const second = await connector.openSession({ requestId: 'second' }).listMovements!('2101', filter, {
      first: 2,
      after: first.items.at(-1)!.resumeToken,
    });
    // No window was downloaded twice: the second page resumed from the stored one.
    const asked = windowsAsked();
    expect(new Set(asked).size).toBe(asked.length);
    expect(
      second.items.every((i) => i.node.account!.number.startsWith('4') && i.node.date.startsWith('2025-0')),
    ).toBe(true);
    const firstIds = new Set(first.items.map((i) => i.node.providerId));
    expect(second.items.some((i) => firstIds.has(i.node.providerId))).toBe(false);
  });

  it('answers first: 0 from one window download, exactly, and the next page from that window', async () => {
    const filter = { from: '2025-03-01', to: '2025-04-30' };
    const empty = await session.listMovements!('2101', filter, { first: 0, after: null });
    expect(empty.items).toEqual([]);
    expect(empty.hasNextPage).toBe(true);
    expect(madCalls()).toHaveLength(1);
    // The window asked stays stored: the first real page does not download it again.
    const page = await connector.openSession({ requestId: 'next' }).listMovements!('2101', filter, {
      first: 3,
      after: null,
    });
    expect(page.items).toHaveLength(3);
    const asked = madCalls();
    expect(new Set(asked).size).toBe(asked.length);
    // A period with nothing booked in it: false, from the windows that prove it.
    sim.resetRequests();
    const none = await session.listMovements!(
      '2101',
      { from: '2019-01-01', to: '2019-01-31' },
      { first: 0, after: null },
    );
    expect(none).toMatchObject({ items: [], hasNextPage: false });
    expect(madCalls().length).toBeGreaterThan(0);
  });

  it('passes lettering, source and draft through to MyUnisoft', async () => {
    const page = await session.listMovements!(
      '2101',
      { from: '2025-01-01', to: '2025-12-31', lettering: 'PARTIAL', dateFilter: 'ACCOUNTING' },
      { first: 500, after: null },
    );
    expect(page.items.length).toBeGreaterThan(0);
    expect(
      page.items.every(
        (i) => i.node.lettering?.state === 'PARTIAL' && i.node.lettering.value!.startsWith('*'),
      ),
    ).toBe(true);
    const drafts = await session.listMovements!(
      '2101',
      { from: '2025-01-01', to: '2025-12-31', draft: true, source: 'O' },
      { first: 500, after: null },
    );
    const expected = [...dataset.entries(company, company.exercises[1]!)]
      .filter((e) => e.draft)
      .flatMap((e) => e.lines.map((l) => `${l.id}@${e.id}`));
    expect(drafts.items.map((i) => i.node.providerId)).toEqual(expected);
    expect(sim.requests.some((r) => /dateFilter=accounting.*lettering=partial/.test(r.query))).toBe(true);
  });

  it('continues past an expired snapshot from a fresh download, without gap or repeat', async () => {
    const filter = { from: '2025-01-01', to: '2025-01-31' };
    const first = await session.listMovements!('2101', filter, { first: 1, after: null });
    // Earlier tests may have stored this window (a whole-exercise walk): page 1 costs 0 or 1 download.
    const downloads = calls('/api/v1/mad/movements');
    expect(downloads).toBeLessThanOrEqual(1);
    const second = await session.listMovements!('2101', filter, {
      first: 1,
      after: first.items.at(-1)!.resumeToken,
    });
    expect(calls('/api/v1/mad/movements')).toBe(downloads);
    expect(second.fetchedAt).toBe(first.fetchedAt);
    clock.at += 60_000;
    const third = await session.listMovements!('2101', filter, {
      first: 1,
      after: second.items.at(-1)!.resumeToken,
    });
    // 1–10 January holds five movements: the three pages read that window only, downloaded again once expired.
    expect(calls('/api/v1/mad/movements')).toBe(downloads + 1);
    expect(Date.parse(third.fetchedAt!)).toBe(clock.at);
    const whole = await connect(demoCredentials.myunisoft.demo.apiToken).openSession({ requestId: 'whole' })
      .listMovements!('2101', filter, { first: 3, after: null });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.node.providerId)).toEqual(
      whole.items.map((i) => i.node.providerId),
    );
    const entries = await session.listEntries!('2101', { type: 'MANUAL' }, { first: 2, after: null });
    clock.at += 60_000;
    const next = await session.listEntries!(
      '2101',
      { type: 'MANUAL' },
      { first: 2, after: entries.items[1]!.resumeToken },
    );
    const all = await session.listEntries!('2101', { type: 'MANUAL' }, { first: 4, after: null });
    expect([...entries.items, ...next.items].map((i) => i.node.providerId)).toEqual(
      all.items.map((i) => i.node.providerId),
    );
  });

  it("keeps tenants' snapshots apart on one shared store", async () => {
    const store = new MemoryStore(now);
    const token = demoCredentials.myunisoft.demo.apiToken;
    const a = connect(token, 'firm', { tenantId: 'tenant-a', store });
    const b = connect(token, 'firm', { tenantId: 'tenant-b', store });
    const pageOfA = await a.openSession({ requestId: 'a' }).listEntries!(
      '2101',
      {},
      { first: 5, after: null },
    );
    expect(calls('/api/v1/entries')).toBe(6);
    // Tenant b asks for the same listing, then resumes with a's token: both cost b its own download.
    const sessionOfB = b.openSession({ requestId: 'b' });
    await sessionOfB.listEntries!('2101', {}, { first: 5, after: null });
    expect(calls('/api/v1/entries')).toBe(12);
    await Promise.all([a.close(), b.close()]);
    expect(pageOfA.items).toHaveLength(5);
  });

  it('rejects foreign cursors and unknown exercises', async () => {
    const filter = { from: '2025-01-01', to: '2025-01-31' };
    for (const after of ['e3', 'm2.0.1'])
      await expect(session.listMovements!('2101', filter, { first: 1, after })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    await expect(session.listEntries!('2101', {}, { first: 1, after: 'e3' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      session.listMovements!('2101', { exerciseId: '1' }, { first: 1, after: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('works with company access (no society-id) and keeps firms apart', async () => {
    const company = connect(MYUNISOFT_COMPANY_TOKEN, 'company');
    // The token was never activated: the connector activates it once, before its first call.
    sim.resetRequests();
    const s = company.openSession({ requestId: 'y' });
    expect((await s.listCompanies()).map((c) => c.providerId)).toEqual(['2101']);
    expect(await s.listExercises!('2101')).toHaveLength(3);
    expect(sim.requests.map((r) => `${r.path}?${r.query} ${r.status}`)).toEqual([
      '/api/v1/key/info?mode=extended 200',
      '/api/v1/society? 200',
      '/api/v1/mad/exercices?version=1.0.0 200',
    ]);
    await company.close();
    await expect(session.listExercises!('2103')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
  });
});

describe("MyUnisoft bulk movements through the simulator's full export", () => {
  const dataset = createDataset();
  const company = dataset.company('myunisoft', '2101')!;
  let sim: SimulatorServer;
  let connector: ProviderConnector;
  // The token's one-time activation (`/key/info`) is not part of an export.
  const paths = () =>
    sim.requests
      .filter((r) => r.path !== '/api/v1/key/info')
      .map((r) => r.path.replace(/document\/[^/]+/, 'document/<token>'));
  beforeAll(async () => {
    sim = await createMyUnisoftSimulator({ dataset });
    connector = createMyUnisoftConnector(
      {
        baseUrl: sim.url,
        apiToken: demoCredentials.myunisoft.demo.apiToken,
        thirdPartySecret: demoCredentials.myunisoft.thirdPartySecret,
        access: 'firm',
      },
      { tenantId: 'demo', store: new MemoryStore() },
      { fullExport: { pollDelaysMs: [300] } },
    );
  });
  beforeEach(() => sim.resetRequests());
  afterAll(async () => {
    await connector.close();
    await sim.close();
  });

  const collect = async (batches: AsyncIterable<MovementRecord[]>) => {
    const out: MovementRecord[] = [];
    for await (const batch of batches) out.push(...batch);
    return out;
  };

  it('reads a whole exercise from /mad/all (start, polls, one file), not from /mad/movements', async () => {
    const exercise = company.exercises[0]!;
    const session = connector.openSession({ requestId: 'bulk' });
    const movements = await collect(
      session.streamMovements!('2101', { exerciseId: exercise.id }, undefined, { bulk: true }),
    );
    expect(movements.map((m) => m.providerId)).toEqual(
      [...dataset.entries(company, exercise)].flatMap((e) => e.lines.map((l) => `${l.id}@${e.id}`)),
    );
    expect(sumCents(movements.map((m) => m.amount))).toBe(0);
    const asked = paths();
    expect(asked[0]).toBe('/api/v1/mad/all');
    expect(asked.filter((p) => p === '/api/v1/mad/all/status').length).toBeGreaterThanOrEqual(1);
    expect(asked.at(-1)).toBe('/api/ged/ged/document/<token>/download');
    expect(asked).not.toContain('/api/v1/mad/movements');
    // The file link is a bearer URL: the API token and partner secret stay home.
    const file = sim.requests.at(-1)!;
    expect(file.query).toBe('');
    // The same parameters within the hour: MyUnisoft returns the previous export, one poll and the file.
    sim.resetRequests();
    const again = await collect(
      session.streamMovements!('2101', { exerciseId: exercise.id }, undefined, { bulk: true }),
    );
    expect(again).toHaveLength(movements.length);
    expect(paths()).toEqual([
      '/api/v1/mad/all',
      '/api/v1/mad/all/status',
      '/api/ged/ged/document/<token>/download',
    ]);
  });

  it('streams /mad/movements when the filter is more than a whole exercise', async () => {
    const session = connector.openSession({ requestId: 'bulk-filtered' });
    const movements = await collect(
      session.streamMovements!(
        '2101',
        { exerciseId: company.exercises[0]!.id, accountClasses: ['4'] },
        undefined,
        { bulk: true },
      ),
    );
    expect(movements.every((m) => m.account!.number.startsWith('4'))).toBe(true);
    expect(paths()).toEqual(['/api/v1/mad/movements']);
  });

  it('streams /mad/movements for an interactive read of a whole exercise (a trial balance never waits for an export)', async () => {
    const exercise = company.exercises[0]!;
    const session = connector.openSession({ requestId: 'interactive' });
    const movements = await collect(session.streamMovements!('2101', { exerciseId: exercise.id }));
    expect(movements).toHaveLength(
      [...dataset.entries(company, exercise)].reduce((n, e) => n + e.lines.length, 0),
    );
    expect(paths()).toEqual(['/api/v1/mad/movements']);
  });
});
