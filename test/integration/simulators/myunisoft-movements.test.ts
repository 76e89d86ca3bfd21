import { createDataset } from '../../../src/simulators/data/dataset';
import { createMyUnisoftSimulator } from '../../../src/simulators/myunisoft/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { parseDecimalToCents } from '../../../src/domain/money';
import { activate, call, errorCode } from './myunisoft-client';

interface Movement {
  producerId: string;
  value: { credit: number; debit: number; amount: number };
  entry: {
    producerId: string;
    date: string;
    journal: { customerReferenceCode: string };
    additionalProducerProperties: { source: { name: string }; createdAt: number; accountedAt: string | null };
    attachments: Record<string, { type: string; value: string }>;
  };
  account: { number: string } | null;
  lettering: { state: string; value: string | null };
  analytics: { sections: { amount: number; rate: number }[] }[];
}

describe('MyUnisoft simulator: GET /api/v1/mad/movements', () => {
  const dataset = createDataset();
  const company = dataset.company('myunisoft', '2101')!;
  const exercise = company.exercises[2]!;
  let sim: SimulatorServer;
  const movements = (query: string) =>
    call<Movement[]>(sim.url, `/api/v1/mad/movements?${query}`, { society: '2101' });
  beforeAll(async () => {
    // Route contract tests fire bursts of calls; the quota is tested in myunisoft-auth.test.ts.
    sim = await createMyUnisoftSimulator({ dataset, enforceRateLimits: false });
    await activate(sim.url);
  });
  afterAll(() => sim.close());

  it('streams every movement of an exercise, shaped as the seed, matching the generator', async () => {
    const result = await movements(`version=1.0.0&idExercice=${exercise.id}`);
    expect(result.status).toBe(200);
    expect(result.headers['transfer-encoding']).toBe('chunked');
    const lines = [...dataset.entries(company, exercise)].flatMap((entry) =>
      entry.lines.map((line) => ({ entry, line })),
    );
    expect(result.body.map((m) => m.producerId)).toEqual(lines.map(({ line }) => line.id));
    result.body.forEach((m, i) => {
      const { entry, line } = lines[i]!;
      expect(parseDecimalToCents(m.value.debit)).toBe(line.debit);
      expect(parseDecimalToCents(m.value.credit)).toBe(line.credit);
      expect(parseDecimalToCents(m.value.amount)).toBe(line.credit - line.debit);
      expect(m.entry).toMatchObject({
        producerId: entry.id,
        date: entry.date,
        journal: { customerReferenceCode: entry.journal.code },
      });
      expect(m.entry.additionalProducerProperties.createdAt).toBe(entry.createdAt);
      expect(m.lettering).toEqual(line.lettering);
      expect(m.account?.number).toBe(line.account.number);
    });
    const first = result.body[0]!;
    expect(Object.keys(first).sort()).toEqual(
      [
        'producerId',
        'description',
        'dueDate',
        'freeNumber',
        'invoiceNumber',
        'value',
        'entry',
        'attachments',
        'account',
        'payment',
        'analytics',
        'lettering',
      ].sort(),
    );
  });

  it('serves attachments keyed by file name whose URL returns the PDF', async () => {
    const result = await movements(`version=1.0.0&idExercice=${exercise.id}`);
    const withFile = result.body.find((m) => Object.keys(m.entry.attachments).length > 0)!;
    const [name, attachment] = Object.entries(withFile.entry.attachments)[0]!;
    expect(name).toMatch(/\.pdf$/);
    expect(attachment.type).toBe('URL');
    const pdf = await call(attachment.value.replace(/^http:\/\/[^/]+/, sim.url), '', {
      token: null,
      secret: null,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
  });

  it('reads a date window on the document, myunisoft or accounting date', async () => {
    const doc = await movements('version=1.0.0&startDate=2025-03-01&endDate=2025-03-31');
    expect(doc.body.length).toBeGreaterThan(0);
    expect(doc.body.every((m) => m.entry.date >= '2025-03-01' && m.entry.date <= '2025-03-31')).toBe(true);
    const stamped = await movements(
      'version=1.0.0&startDate=2025-03-01&endDate=2025-03-31&dateFilter=myunisoft',
    );
    const day = (m: Movement) =>
      new Date(m.entry.additionalProducerProperties.createdAt * 1000).toISOString().slice(0, 10);
    expect(stamped.body.every((m) => day(m) >= '2025-03-01' && day(m) <= '2025-03-31')).toBe(true);
    const accounted = await movements(
      'version=1.0.0&startDate=2025-01-01&endDate=2025-12-31&dateFilter=accounting',
    );
    const all = await movements('version=1.0.0&startDate=2025-01-01&endDate=2025-12-31');
    expect(accounted.body.every((m) => m.entry.additionalProducerProperties.accountedAt !== null)).toBe(true);
    expect(accounted.body.length).toBe(
      all.body.filter((m) => m.entry.additionalProducerProperties.source.name !== 'O').length,
    );
  });

  it('filters by classAccount roots, lettering, source and draft', async () => {
    const base = `version=1.0.0&idExercice=${exercise.id}`;
    const classes = await movements(`${base}&classAccount=40&classAccount=6`);
    expect(classes.body.length).toBeGreaterThan(0);
    expect(classes.body.every((m) => /^(40|6)/.test(m.account!.number))).toBe(true);
    const partial = await movements(`${base}&lettering=partial`);
    expect(partial.body.length).toBeGreaterThan(0);
    expect(
      partial.body.every((m) => m.lettering.state === 'partial' && m.lettering.value!.startsWith('*')),
    ).toBe(true);
    const bank = await movements(`${base}&source=IB`);
    expect(bank.body.every((m) => m.entry.additionalProducerProperties.source.name === 'IB')).toBe(true);
    const drafts = await movements(`${base}&draft`);
    expect(drafts.body.length).toBeGreaterThan(0);
    expect(drafts.body.every((m) => m.entry.additionalProducerProperties.source.name === 'O')).toBe(true);
  });

  it.each([
    ['version missing', `idExercice=30030`, 'ERR-VERSION-REQUIRED'],
    ['an unknown version', `version=2.0.0&idExercice=30030`, 'ERR-UNSUPPORTED-VERSION'],
    [
      'an exercise and a window',
      `version=1.0.0&idExercice=30030&startDate=2024-01-01&endDate=2024-01-31`,
      'ERR-PERIOD-CONFLICT',
    ],
    ['neither an exercise nor a window', `version=1.0.0`, 'ERR-PERIOD-REQUIRED'],
    ['only startDate', `version=1.0.0&startDate=2024-01-01`, 'ERR-PERIOD-INCOMPLETE'],
    ['only endDate', `version=1.0.0&endDate=2024-01-31`, 'ERR-PERIOD-INCOMPLETE'],
    [
      'a window over 12 months',
      `version=1.0.0&startDate=2024-01-01&endDate=2025-01-01`,
      'ERR-PERIOD-TOO-LONG',
    ],
    ['an impossible date', `version=1.0.0&startDate=2024-02-30&endDate=2024-03-31`, 'ERR-INVALID-DATE'],
    ['a date in another format', `version=1.0.0&startDate=20240101&endDate=2024-03-31`, 'ERR-INVALID-DATE'],
    [
      'startDate after endDate',
      `version=1.0.0&startDate=2024-03-01&endDate=2024-02-01`,
      'ERR-INVALID-PERIOD',
    ],
    [
      'an unknown dateFilter',
      `version=1.0.0&startDate=2024-01-01&endDate=2024-01-31&dateFilter=created`,
      'ERR-INVALID-DATE-FILTER',
    ],
    ['an unknown lettering', `version=1.0.0&idExercice=30030&lettering=full`, 'ERR-INVALID-LETTERING'],
    [
      'a non-numeric classAccount',
      `version=1.0.0&idExercice=30030&classAccount=6&classAccount=x`,
      'ERR-INVALID-CLASS-ACCOUNT',
    ],
    ['a non-numeric idExercice', `version=1.0.0&idExercice=last`, 'ERR-INVALID-EXERCICE-ID'],
    ['a repeated idExercice', `version=1.0.0&idExercice=30030&idExercice=30031`, 'ERR-INVALID-PARAMETER'],
  ])('answers 400 for %s', async (_label, query, code) => {
    const result = await movements(query);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe(code);
  });

  it('accepts a window of exactly 12 months and answers 404 for another society’s exercise', async () => {
    expect((await movements('version=1.0.0&startDate=2024-03-01&endDate=2025-02-28')).status).toBe(200);
    const foreign = await movements(
      `version=1.0.0&idExercice=${dataset.company('myunisoft', '2103')!.exercises[0]!.id}`,
    );
    expect(foreign.status).toBe(404);
    expect(errorCode(foreign)).toBe('ERR-EXERCICE-NOT-FOUND');
  });
});
