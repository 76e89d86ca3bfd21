import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator } from '../../../src/simulators/myunisoft/server';
import { EXPORT_GENERATION_MS } from '../../../src/simulators/myunisoft/mad-export';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { parseDecimalToCents } from '../../../src/domain/money';
import { activate, call, errorCode } from './myunisoft-client';

type Line = { debit?: number; credit?: number; piece2: string; account: { account_number: string } };
type Entries = {
  type: string;
  debit_total: number;
  credit_total: number;
  entry_array: {
    entry_id: number;
    entry_date?: string;
    date_piece: string;
    diary: { code: string };
    entry_list: Line[];
    pj_list?: unknown[];
  }[];
};

describe('MyUnisoft simulator: legacy routes and MAD companions', () => {
  const dataset = createDataset();
  const company = dataset.company('myunisoft', '2101')!;
  const allEntries = company.exercises.flatMap((exercise) => [...dataset.entries(company, exercise)]);
  let clock = Date.parse('2026-06-01T08:00:00Z');
  let sim: SimulatorServer;
  const get = <T>(path: string) => call<T>(sim.url, path, { society: '2101' });
  const entries = (type: string, body?: unknown) =>
    call<Entries>(sim.url, `/api/v1/entries?type=${type}`, { method: 'POST', society: '2101', body });
  beforeAll(async () => {
    // Route contract tests fire bursts of calls; the quota is tested in myunisoft-auth.test.ts.
    sim = await createMyUnisoftSimulator({ dataset, now: () => clock, enforceRateLimits: false });
    await activate(sim.url);
  });
  afterAll(() => sim.close());

  it('GET /society/exercice: legacy exercises with YYYYMMDD dates and ledger turnover', async () => {
    const result =
      await get<{ exercice_id: number; start_date: string; end_date: string; closed: boolean; ca: number }[]>(
        '/api/v1/society/exercice',
      );
    expect(result.status).toBe(200);
    expect(result.body.map((e) => [e.exercice_id, e.start_date, e.end_date, e.closed])).toEqual(
      company.exercises.map((e) => [
        Number(e.id),
        e.startDate.replaceAll('-', ''),
        e.endDate.replaceAll('-', ''),
        e.closed,
      ]),
    );
    const sales = [...dataset.entries(company, company.exercises[0]!)]
      .flatMap((e) => e.lines)
      .filter((l) => l.account.number.startsWith('70'));
    expect(parseDecimalToCents(result.body[0]!.ca)).toBe(
      sales.reduce((sum, l) => sum + l.credit - l.debit, 0),
    );
  });

  it('GET /mad/exercices: MAD exercises with ISO periods and state', async () => {
    const result = await get<
      { producerId: string; period: { start: string; end: string; closed: unknown }; state: string }[]
    >('/api/v1/mad/exercices?version=1.0.0');
    expect(result.body.map((e) => [e.producerId, e.period.start, e.state])).toEqual(
      company.exercises.map((e) => [e.id, e.startDate, e.closed ? 'closed' : 'open']),
    );
    expect(result.body[2]!.period.closed).toBeNull();
    expect((await get('/api/v1/mad/exercices')).status).toBe(400);
  });

  it('POST /entries?type=e: E entries with exact totals, zero sides omitted', async () => {
    const result = await entries('e', { sort: { ecr: 'asc' }, filters: [{ name: 'type', value: 'e' }] });
    expect(result.status).toBe(200);
    const expected = allEntries.filter((e) => e.type === 'E');
    expect(result.body.type).toBe('E');
    expect(result.body.entry_array.map((e) => String(e.entry_id))).toEqual(expected.map((e) => e.id));
    const lines = result.body.entry_array.flatMap((e) => e.entry_list);
    expect(lines.every((l) => (l.debit === undefined) !== (l.credit === undefined))).toBe(true);
    const debit = expected.flatMap((e) => e.lines).reduce((sum, l) => sum + l.debit, 0);
    expect(parseDecimalToCents(result.body.debit_total)).toBe(debit);
    expect(parseDecimalToCents(result.body.credit_total)).toBe(debit);
  });

  it('POST /entries: diary and date filters, descending sort, the O shape', async () => {
    const filtered = await entries('e', {
      filters: [
        { name: 'diary', value: 'AC' },
        { name: 'start_date', value: '2025-02-01' },
        { name: 'end_date', value: '2025-06-30' },
      ],
    });
    const expected = allEntries.filter(
      (e) => e.type === 'E' && e.journal.code === 'AC' && e.date >= '2025-02-01' && e.date <= '2025-06-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.entry_array.map((e) => String(e.entry_id))).toEqual(expected.map((e) => e.id));
    const desc = await entries('e', { sort: { ecr: 'desc' } });
    expect(desc.body.entry_array.map((e) => String(e.entry_id))).toEqual(
      allEntries
        .filter((e) => e.type === 'E')
        .map((e) => e.id)
        .reverse(),
    );
    const ocr = await entries('o');
    expect(ocr.body.type).toBe('O');
    expect(ocr.body.entry_array.length).toBe(allEntries.filter((e) => e.type === 'O').length);
    expect(ocr.body.entry_array[0]).toHaveProperty('pj_list');
    expect(ocr.body.entry_array[0]).not.toHaveProperty('blocked');
    for (const type of ['ib', 'm', 'ext', 'l'])
      expect((await entries(type)).body.type).toBe(type.toUpperCase());
  });

  it.each([
    ['an unknown type', 'x', {}, 'ERR-INVALID-ENTRY-TYPE'],
    ['an unknown filter', 'e', { filters: [{ name: 'account', value: '401' }] }, 'ERR-INVALID-BODY'],
    ['an unknown sort', 'e', { sort: { ecr: 'up' } }, 'ERR-INVALID-BODY'],
    ['a bad start_date', 'e', { filters: [{ name: 'start_date', value: '01/02/2025' }] }, 'ERR-INVALID-DATE'],
    [
      'a type filter contradicting the query',
      'e',
      { filters: [{ name: 'type', value: 'o' }] },
      'ERR-INVALID-FILTER',
    ],
  ])('POST /entries answers 400 for %s', async (_label, type, body, code) => {
    const result = await entries(type, body);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe(code);
  });

  it('GET /mad/entries: entries with movements, journalIds and comment', async () => {
    const exercise = company.exercises[2]!; // the open exercise: its entries carry documents
    const journalId = exercise.ledger.journalIds.sales;
    const result = await get<
      {
        producerId: string;
        journal: { producerId: string };
        movements: unknown[];
        additionalProducerProperties: { comment: string | null };
      }[]
    >(`/api/v1/mad/entries?version=1.0.0&idExercice=${exercise.id}&journalIds=${journalId}&comment`);
    const expected = [...dataset.entries(company, exercise)].filter((e) => e.journal.id === journalId);
    expect(result.body.map((e) => e.producerId)).toEqual(expected.map((e) => e.id));
    expect(result.body.some((e) => e.additionalProducerProperties.comment !== null)).toBe(true);
    expect(
      (await get('/api/v1/mad/entries?version=1.0.0&startDate=2025-01-01&endDate=2026-01-01')).status,
    ).toBe(400);
    expect((await get('/api/v1/mad/entries?version=1.0.0&idExercice=30030&journalIds=AC')).status).toBe(400);
  });

  it('GET /mad/entry: by producerId or invoice number; 404 when absent; draft restricts', async () => {
    const entry = allEntries.find((e) => !e.draft && e.lines[0]!.piece.startsWith('FA'))!;
    const byId = await get<{ producerId: string; movements: { producerId: string }[] }>(
      `/api/v1/mad/entry?version=1.0.0&id=${entry.id}`,
    );
    expect(byId.status).toBe(200);
    expect(byId.body.movements.map((m) => m.producerId)).toEqual(entry.lines.map((l) => l.id));
    const byInvoice = await get<{ producerId: string }>(
      `/api/v1/mad/entry?version=1.0.0&id=${entry.lines[0]!.piece}`,
    );
    expect(byInvoice.body.producerId).toBe(entry.id);
    expect((await get(`/api/v1/mad/entry?version=1.0.0&id=${entry.id}&draft`)).status).toBe(404);
    const missing = await get('/api/v1/mad/entry?version=1.0.0&id=1');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('ERR-ENTRY-NOT-FOUND');
    expect((await get('/api/v1/mad/entry?version=1.0.0')).status).toBe(400);
  });

  it('GET /mad/journals and /mad/accounts', async () => {
    const journals = await get<
      {
        type: string;
        customerReferenceCode: string;
        counterpartAccount: unknown;
        additionalProducerProperties: { type: string };
      }[]
    >('/api/v1/mad/journals?version=1.0.0');
    expect(
      journals.body.map((j) => [j.customerReferenceCode, j.type, j.additionalProducerProperties.type]),
    ).toEqual([
      ['AC', 'Achat', 'ACH'],
      ['VT', 'Vente', 'VTE'],
      ['BQ', 'Banque', 'BQ'],
      ['OD', 'OD', 'OD'],
    ]);
    expect(
      journals.body.filter((j) => j.counterpartAccount !== null).map((j) => j.customerReferenceCode),
    ).toEqual(['BQ']);
    const accounts = await get<{ number: string; company?: unknown }[]>('/api/v1/mad/accounts?version=1.0.0');
    expect(accounts.body.find((a) => a.number === '401000')).toHaveProperty('company');
    expect(accounts.body.find((a) => a.number === '512000')).toHaveProperty('correspondanceAccount', null);
  });

  it('GET /mad/balance: a trial balance computed from the ledger', async () => {
    const exercise = company.exercises[1]!;
    const url = `/api/v1/mad/balance?version=1.0.0&idExercice=${exercise.id}&startDate=2025-01-01&endDate=2025-06-30`;
    const all = await get<{ number: string; balance: number }[]>(
      `${url}&${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => `classAccount=${c}`).join('&')}`,
    );
    expect(all.status).toBe(200);
    expect(all.body.reduce((sum, row) => sum + parseDecimalToCents(row.balance), 0)).toBe(0);
    const lines = [...dataset.entries(company, exercise)]
      .filter((e) => e.date <= '2025-06-30')
      .flatMap((e) => e.lines);
    const bank = lines
      .filter((l) => l.account.number === '512000')
      .reduce((sum, l) => sum + l.debit - l.credit, 0);
    expect(parseDecimalToCents(all.body.find((r) => r.number === '512000')!.balance)).toBe(bank);
    const thirdParties = await get<{ number: string }[]>(`${url}&accountNumber=4%25`);
    expect(thirdParties.body.every((r) => r.number.startsWith('4'))).toBe(true);
    expect((await get(`${url.replace('&startDate=2025-01-01', '')}&classAccount=5`)).status).toBe(400);
    expect((await get(url)).status).toBe(400);
    expect((await get(`${url.replace('2025-01-01', '2024-12-01')}&classAccount=5`)).status).toBe(400);
  });

  it('GET /mad/all: INIT, then DONE with a URL serving the export; the same parameters reuse it', async () => {
    const started = await get<{ id: string; status: string }>('/api/v1/mad/all?version=1.0.0&format=json');
    expect(started.body).toEqual({ id: expect.stringMatching(/^export_/), status: 'INIT' });
    const again = await get<{ id: string }>('/api/v1/mad/all?version=1.0.0&format=json');
    expect(again.body.id).toBe(started.body.id);
    const pending = await get<{ status: string }>(`/api/v1/mad/all/status?exportId=${started.body.id}`);
    expect(pending.body.status).toBe('INIT');
    clock += EXPORT_GENERATION_MS;
    const done = await get<{ status: string; url: string }>(
      `/api/v1/mad/all/status?exportId=${started.body.id}`,
    );
    expect(done.body.status).toBe('DONE');
    const file = await call<{
      metadata: { producer: string };
      data: { entries: unknown[]; journals: unknown[] };
    }>(done.body.url.replace(/^http:\/\/[^/]+/, sim.url), '', { token: null, secret: null });
    expect(file.body.metadata.producer).toBe('MyUnisoft');
    expect(file.body.data.entries).toHaveLength(allEntries.length);
    clock += 60 * 60 * 1000;
    expect((await get<{ id: string }>('/api/v1/mad/all?version=1.0.0&format=json')).body.id).not.toBe(
      started.body.id,
    );
  });

  it('GET /mad/all: TRA fails with a reason; bad format, missing or unknown exportId', async () => {
    const tra = await get<{ id: string }>('/api/v1/mad/all?version=1.0.0&format=tra&idExercice=30030');
    clock += EXPORT_GENERATION_MS;
    expect((await get(`/api/v1/mad/all/status?exportId=${tra.body.id}`)).body).toEqual({
      id: tra.body.id,
      status: 'FAILED',
      reason: expect.any(String),
    });
    expect((await get('/api/v1/mad/all?version=1.0.0&format=csv')).status).toBe(400);
    expect((await get('/api/v1/mad/all/status')).status).toBe(400);
    expect((await get('/api/v1/mad/all/status?exportId=export_nope')).status).toBe(404);
    expect(
      (await call(sim.url, '/api/ged/ged/document/nope/download', { token: null, secret: null })).status,
    ).toBe(404);
  });
});
