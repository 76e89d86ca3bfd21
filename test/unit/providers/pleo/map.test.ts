import { mapEntry, mapExportJob, itemError } from '../../../../src/providers/pleo/map';
import { pleoAccountingEntry, pleoExportJob } from '../../../../src/providers/pleo/schemas';

const entry = pleoAccountingEntry.parse({
  id: 'e6c1f1a2-1b2c-4d3e-8f90-0a1b2c3d4e5f',
  companyId: 'c0ffee00-1b2c-4d3e-8f90-0a1b2c3d4e5f',
  type: 'card_purchase',
  date: '2026-02-14T09:00:00Z',
  note: 'SNCF',
  accountingEntryLines: [
    { lineAmount: { currency: 'EUR', value: 22037 }, account: { code: '625100', name: 'VOYAGES' } },
    {
      description: 'TVA',
      lineAmount: { currency: 'EUR', value: 4407 },
      account: { code: '445660', name: 'TVA' },
      tax: { rate: 20, type: 'vat', amount: { currency: 'EUR', value: 4407 } },
    },
    { lineAmount: { currency: 'EUR', value: -26444 }, account: null },
  ],
});

describe('mapEntry', () => {
  it('turns signed minor units into debit and credit cents', () => {
    const record = mapEntry(entry);
    expect(record).toMatchObject({
      provider: 'PLEO',
      providerId: entry.id,
      companyId: entry.companyId,
      type: 'ENTRY',
      date: '2026-02-14',
    });
    expect(record.journal).toEqual({ code: 'PLEO', label: 'Pleo', type: 'card_purchase' });
    expect(record.lines.map((l) => [l.debit, l.credit])).toEqual([
      [22037, 0],
      [4407, 0],
      [0, 26444],
    ]);
    expect(record.lines[0]!.label).toBe('SNCF');
    expect(record.lines[1]!.label).toBe('TVA');
    expect(record.lines[2]!.account).toEqual({ number: '', name: null });
    expect(record.lines.every((l) => l.currency === 'EUR')).toBe(true);
  });

  it('refuses non-integer minor units at parse time', () => {
    const bad = {
      ...entry,
      accountingEntryLines: [{ lineAmount: { currency: 'EUR', value: 12.5 }, account: null }],
    };
    expect(pleoAccountingEntry.safeParse(bad).success).toBe(false);
  });
});

describe('mapExportJob', () => {
  const job = pleoExportJob.parse({
    id: 'a0000000-0000-4000-8000-000000000001',
    companyId: 'c0ffee00-1b2c-4d3e-8f90-0a1b2c3d4e5f',
    status: 'failed',
    createdAt: '2026-03-02T10:00:00Z',
    startedAt: '2026-03-02T10:00:01Z',
    completedAt: null,
    expiredAt: '2026-03-02T10:15:01Z',
    expiresIn: 900,
    failureReason: 'expired',
    failureReasonType: 'job_expired',
    isInteractive: true,
    numberOfItems: 3,
    vendorBasedBookkeeping: false,
  });

  it('maps statuses, instants, failure fields and every seed field, with no file and no format', () => {
    expect(mapExportJob(job, [])).toEqual({
      provider: 'PLEO',
      companyId: job.companyId,
      providerId: job.id,
      format: null,
      status: 'FAILED',
      createdAt: '2026-03-02T10:00:00.000Z',
      startedAt: '2026-03-02T10:00:01.000Z',
      completedAt: '2026-03-02T10:15:01.000Z',
      numberOfItems: 3,
      failureReason: 'expired',
      failureReasonType: 'JOB_EXPIRED',
      isInteractive: true,
      vendorBasedBookkeeping: false,
      createdBy: null,
      expiredAt: '2026-03-02T10:15:01.000Z',
      expiresIn: 900,
      lastUpdatedAt: null,
      file: null,
      errors: [],
    });
  });

  it.each([
    ['pending', 'PENDING'],
    ['in_progress', 'IN_PROGRESS'],
    ['completed', 'COMPLETED'],
    ['completed_with_errors', 'COMPLETED_WITH_ERRORS'],
  ] as const)('maps %s to %s', (status, expected) => {
    expect(mapExportJob({ ...job, status }, ['x']).status).toBe(expected);
  });

  it('formats item errors with the entry id and reason', () => {
    expect(itemError({ accountingEntryId: 'e1', failureReason: 'account_unknown' })).toBe(
      'e1: account_unknown',
    );
    expect(itemError({ accountingEntryId: 'e2', failureReason: null })).toBe('e2: failed');
  });
});
