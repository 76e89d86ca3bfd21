/**
 * Bulk exports end to end, over HTTP against the simulators: a 20,000-movement exercise written as
 * JSONL from one streamed MAD call, entries as CSV, rows reconciled to the cent with the generator and
 * with MyUnisoft's own trial balance, downloads for the owning tenant only, idempotent starts.
 */
import { request } from 'undici';
import type { ConfigInput } from '../../../src/config';
import { companyGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { demoCredentials } from '../../../src/simulators/credentials';
import { MemoryStore } from '../../../src/store/memory-store';
import { errorCodes } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import {
  cents,
  download,
  finished,
  getBulkExport,
  ledgerLines,
  parseCsv,
  startAndFinish,
  startBulkExport,
} from './bulk-support';

const BIG = '2199';

describe('bulk export', () => {
  let stack: Stack;
  const big = () => stack.sims.dataset.company('myunisoft', BIG)!;
  const bigExercise = () => big().exercises[2]!;
  const exerciseId = () =>
    encodeGlobalId({ type: 'Exercise', provider: 'MYUNISOFT', companyId: BIG, nativeId: bigExercise().id });
  const madCalls = () =>
    stack.sims.simulators.myunisoft.requests.filter((r) => r.path === '/api/v1/mad/movements').length;

  const store = new MemoryStore();
  const silent = (config: ConfigInput): ConfigInput => ({ ...config, logLevel: 'silent' });
  beforeAll(async () => {
    stack = await startStack({ bigExerciseMovements: 20_000, store, configure: silent });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.sims.resetRequests());

  it("writes an exercise of movements as JSONL that reconciles to the cent, from MyUnisoft's full export", async () => {
    const expected = ledgerLines(stack.sims.dataset, big(), bigExercise());
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'MOVEMENTS',
      exerciseId: exerciseId(),
      format: 'JSONL',
    });
    expect(done).toMatchObject({ status: 'COMPLETED', provider: 'MYUNISOFT', errorCode: null });
    expect(done.rowCount).toBe(expected.lines.length);
    expect(expected.lines.length).toBeGreaterThan(19_000);
    expect(cents(done.debitTotal)).toBe(expected.debit);
    expect(cents(done.creditTotal)).toBe(expected.credit);
    // A whole exercise: MyUnisoft's asynchronous full export (start, polls, one file), no /mad/movements call.
    expect(madCalls()).toBe(0);
    const myunisoft = stack.sims.simulators.myunisoft.requests.map((r) => r.path);
    expect(myunisoft.filter((p) => p === '/api/v1/mad/all')).toHaveLength(1);
    expect(myunisoft.filter((p) => p.endsWith('/download'))).toHaveLength(1);

    const file = await download(done.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    // Written through two reused buffers (a hijacked reply): the headers are all there, the length exact.
    expect(Number(file.headers['content-length'])).toBe(Buffer.byteLength(file.text));
    expect(Buffer.byteLength(file.text)).toBeGreaterThan(4 * 65_536);
    expect(file.headers['x-request-id']).toEqual(expect.any(String));
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=".+\.jsonl"$/);
    const rows = file.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.date)).toEqual(expected.entries.flatMap((e) => e.lines.map(() => e.date)));
    expect(rows[0]).toMatchObject({
      debit: expect.stringMatching(/^\d+\.\d{2}$/),
      journal: { code: expect.any(String) },
    });
    expect(rows.reduce((sum, r) => sum + cents(r.debit), 0)).toBe(expected.debit);

    // MyUnisoft's own trial balance of the exercise: SUM(debit − credit) per account, to the cent.
    const byAccount = new Map<string, number>();
    for (const r of rows)
      byAccount.set(
        r.account.number,
        (byAccount.get(r.account.number) ?? 0) + cents(r.debit) - cents(r.credit),
      );
    const { startDate, endDate } = bigExercise();
    const classes = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((c) => `&classAccount=${c}`).join('');
    const balance = await request(
      `${stack.sims.urls.myunisoft}/api/v1/mad/balance?version=1.0.0&idExercice=${bigExercise().id}&startDate=${startDate}&endDate=${endDate}${classes}`,
      {
        headers: {
          authorization: `Bearer ${demoCredentials.myunisoft.demo.apiToken}`,
          'x-third-party-secret': demoCredentials.myunisoft.thirdPartySecret,
          'society-id': BIG,
        },
      },
    );
    const trial = (await balance.body.json()) as { number: string; balance: number }[];
    expect(trial.length).toBeGreaterThan(5);
    expect(new Map(trial.map((a) => [a.number, Math.round(a.balance * 100)]))).toEqual(byAccount);
  });

  it('writes entries of a window as CSV, one row per line, with a header and exact totals', async () => {
    const expected = ledgerLines(stack.sims.dataset, big(), bigExercise(), '2026-03-01', '2026-04-30');
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'ENTRIES',
      from: '2026-03-01',
      to: '2026-04-30',
      format: 'CSV',
    });
    expect(done.status).toBe('COMPLETED');
    expect(done.rowCount).toBe(expected.entries.length);
    expect(cents(done.debitTotal)).toBe(expected.debit);
    expect(done.debitTotal).toBe(done.creditTotal);

    const file = await download(done.downloadUrl!);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual(expect.arrayContaining(['entryId', 'line', 'accountNumber', 'debit', 'credit']));
    expect(rows).toHaveLength(expected.lines.length);
    const column = (name: string) => header!.indexOf(name);
    expect(rows.reduce((sum, r) => sum + cents(r[column('credit')]!), 0)).toBe(expected.credit);
    expect(new Set(rows.map((r) => r[column('entryId')])).size).toBe(expected.entries.length);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('reads a provider without a stream page by page (Inqom movements)', async () => {
    const company = stack.sims.dataset.company('inqom', '11287')!;
    const exercise = company.exercises[1]!;
    const expected = ledgerLines(stack.sims.dataset, company, exercise);
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('INQOM', company.id),
      kind: 'MOVEMENTS',
      exerciseId: encodeGlobalId({
        type: 'Exercise',
        provider: 'INQOM',
        companyId: company.id,
        nativeId: exercise.id,
      }),
      format: 'CSV',
    });
    expect(done).toMatchObject({ status: 'COMPLETED', rowCount: expected.lines.length });
    expect(cents(done.creditTotal)).toBe(expected.credit);
  });

  it('survives a client that leaves mid-download, and serves the file whole again after', async () => {
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'MOVEMENTS',
      exerciseId: exerciseId(),
      format: 'JSONL',
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const leaving = await request(done.downloadUrl!, { headers: { authorization: 'Bearer demo' } });
      for await (const _chunk of leaving.body) break; // one chunk, then the socket is destroyed
      await new Promise((resolve) => setTimeout(resolve, 200));
      const whole = await download(done.downloadUrl!);
      expect(whole.status).toBe(200);
      expect(Buffer.byteLength(whole.text)).toBe(Number(whole.headers['content-length']));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('serves the file and the record to the owning tenant only', async () => {
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'ENTRIES',
      from: '2026-01-01',
      to: '2026-01-31',
      format: 'JSONL',
    });
    const url = done.downloadUrl!;
    expect((await download(url, 'demo')).status).toBe(200);
    expect((await download(url, null)).status).toBe(200); // the link is its own credential
    const foreign = await download(url, 'demo-other');
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(BIG);
    const token = url.split('/').at(-1)!;
    const forged = `${url.slice(0, -token.length)}${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await download(forged, 'demo')).status).toBe(404);
    expect((await getBulkExport(stack, done.id, 'demo-other')).data).toEqual({ bulkExport: null });
    const node = await stack.gql<{ node: { id: string; status: string } | null }>(
      'query($id: ID!) { node(id: $id) { id ... on BulkExport { status rowCount } } }',
      { id: done.id },
    );
    expect(node.body.data?.node).toMatchObject({ id: done.id, status: 'COMPLETED' });
  });

  it('starts one export per idempotency key and input', async () => {
    const input = {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'MOVEMENTS' as const,
      from: '2026-02-01',
      to: '2026-02-28',
      format: 'JSONL' as const,
      idempotencyKey: 'bulk-february',
    };
    const first = (await startBulkExport(stack, input)).data!.startBulkExport;
    const again = (await startBulkExport(stack, input)).data!.startBulkExport;
    expect(again.id).toBe(first.id);
    await finished(stack, first.id);
    expect(madCalls()).toBe(1);
    const reused = await startBulkExport(stack, { ...input, format: 'CSV' });
    expect(errorCodes(reused)).toEqual([{ path: 'startBulkExport', code: 'BAD_USER_INPUT' }]);
    const other = await startBulkExport(stack, input, 'demo-other');
    expect(errorCodes(other)).toEqual([{ path: 'startBulkExport', code: 'NOT_FOUND' }]);
  });

  it('checks the input, the allowlist and the capability before any upstream call', async () => {
    const company = companyGlobalId('MYUNISOFT', BIG);
    const cases = [
      [
        {
          companyId: company,
          kind: 'MOVEMENTS',
          exerciseId: exerciseId(),
          from: '2026-01-01',
          to: '2026-01-31',
        },
        'BAD_USER_INPUT',
      ],
      [{ companyId: company, kind: 'MOVEMENTS', from: '2026-01-01', to: '2027-01-01' }, 'BAD_USER_INPUT'],
      [{ companyId: company, kind: 'ENTRIES' }, 'BAD_USER_INPUT'],
      [
        {
          companyId: companyGlobalId('MYUNISOFT', '2103'),
          kind: 'MOVEMENTS',
          from: '2026-01-01',
          to: '2026-01-31',
        },
        'NOT_FOUND',
      ],
      [
        {
          companyId: companyGlobalId('PLEO', stack.sims.dataset.companiesOf('pleo', 'demo')[0]!.id),
          kind: 'MOVEMENTS',
          from: '2026-01-01',
          to: '2026-01-31',
        },
        'UNSUPPORTED_BY_PROVIDER',
      ],
    ] as const;
    for (const [input, code] of cases) {
      const result = await startBulkExport(stack, { ...input, format: 'CSV' });
      expect({ input, codes: errorCodes(result) }).toEqual({
        input,
        codes: [{ path: 'startBulkExport', code }],
      });
    }
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('answers bulkExport(id) and serves its file on another instance sharing the store and the file storage', async () => {
    const done = await startAndFinish(stack, {
      companyId: companyGlobalId('MYUNISOFT', BIG),
      kind: 'MOVEMENTS',
      from: '2026-05-01',
      to: '2026-05-31',
      format: 'CSV',
    });
    const other = await startStack({ sims: stack.sims, store, configure: silent });
    try {
      const seen = (await getBulkExport(other, done.id)).data!.bulkExport!;
      expect(seen).toMatchObject({
        status: 'COMPLETED',
        rowCount: done.rowCount,
        debitTotal: done.debitTotal,
      });
      const here = await download(done.downloadUrl!);
      const elsewhere = await download(seen.downloadUrl!);
      expect(here.status).toBe(200);
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.text).toBe(here.text);
    } finally {
      await other.close();
    }
  });

  it('records a failure with its code and no file', async () => {
    stack.sims.simulators.myunisoft.faults.add({
      kind: 'status',
      status: 500,
      method: 'GET',
      path: '^/api/v1/mad/entries$',
      times: 10,
    });
    try {
      const done = await startAndFinish(stack, {
        companyId: companyGlobalId('MYUNISOFT', BIG),
        kind: 'ENTRIES',
        from: '2026-06-01',
        to: '2026-06-30',
        format: 'CSV',
      });
      expect(done).toMatchObject({ status: 'FAILED', errorCode: 'UPSTREAM_ERROR', downloadUrl: null });
      expect(done.completedAt).not.toBeNull();
    } finally {
      stack.sims.simulators.myunisoft.faults.clear();
    }
  });
});
