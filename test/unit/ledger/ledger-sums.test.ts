import { accountLedgerPage } from '../../../src/ledger/account-ledger';
import type { LedgerMovement } from '../../../src/ledger/ledger.model';
import { reconcile } from '../../../src/ledger/reconcile';
import { sumTrialBalance } from '../../../src/ledger/trial-balance';

const journal = (code: string) => ({ code, label: code, type: null });
const m = (
  entryId: string,
  date: string,
  account: string,
  debit: number,
  credit: number,
  code = 'OD',
): LedgerMovement => ({
  entryId,
  date,
  accountedOn: date,
  journal: journal(code),
  account: { number: account, name: `ACCOUNT ${account}` },
  label: null,
  debit,
  credit,
  currency: 'EUR',
  pieceRef: null,
  lettering: null,
  movement: null,
  entry: null,
});

async function* batches(...groups: LedgerMovement[][]) {
  for (const group of groups) yield group;
}

const book = [
  m('0', '2024-01-01', '512000', 100_000, 0, 'AN'),
  m('0', '2024-01-01', '101000', 0, 100_000, 'AN'),
  m('1', '2024-02-10', '606100', 1_001, 0),
  m('1', '2024-02-10', '512000', 0, 1_001),
  m('2', '2024-03-01', '512000', 0, 2_000),
];

describe('trial balance sums', () => {
  it('sums by account in cents, ordered by number, and names the entries that do not balance', async () => {
    const sums = await sumTrialBalance(batches(book.slice(0, 3), book.slice(3)), true);
    expect(sums.lines.map((l) => [l.account.number, l.debit, l.credit, l.balance])).toEqual([
      ['101000', 0, 100_000, -100_000],
      ['512000', 100_000, 3_001, 96_999],
      ['606100', 1_001, 0, 1_001],
    ]);
    expect(sums).toMatchObject({
      debitTotal: 101_001,
      creditTotal: 103_001,
      balanced: false,
      unbalancedEntryIds: ['2'],
    });
  });

  it('reconciles per account and lists each difference', async () => {
    const sums = await sumTrialBalance(batches(book.slice(0, 4)), true);
    const provider = {
      source: 'TEST',
      lines: [
        { accountNumber: '101000', balance: -100_000 },
        { accountNumber: '512000', balance: 98_999 },
        { accountNumber: '606100', balance: 1_000 },
        { accountNumber: '707000', balance: 0 },
      ],
    };
    expect(reconcile(sums.lines, provider)).toEqual({
      source: 'TEST',
      matches: false,
      differences: [{ accountNumber: '606100', ours: 1_001, provider: 1_000 }],
    });
  });
});

describe("one account's ledger", () => {
  it('counts a later exercise opening entries once, and a line booked in the period as its own', async () => {
    const dated = (line: LedgerMovement, accountedOn: string): LedgerMovement => ({ ...line, accountedOn });
    const twoExercises = [
      m('an24', '2024-01-01', '512000', 100_000, 0, 'AN'),
      // Dated in December, booked on 1 January: a line of 2024, not brought forward.
      dated(m('late', '2023-12-29', '512000', 5_000, 0), '2024-01-01'),
      m('mar', '2024-03-01', '512000', 10_000, 0),
      m('an25', '2025-01-01', '512000', 115_000, 0, 'AN'),
      m('feb', '2025-02-01', '512000', 0, 3_000),
    ];
    const exercise = await accountLedgerPage(batches(twoExercises.slice(0, 3)), '512000', '2024-01-01', {
      first: 10,
      after: 0,
    });
    expect(exercise.openingBalance).toBe(100_000);
    expect(exercise.items.map((i) => i.node.entryId)).toEqual(['late', 'mar']);
    const window = await accountLedgerPage(batches(twoExercises), '512000', '2024-02-01', {
      first: 10,
      after: 0,
    });
    expect(window.openingBalance).toBe(105_000);
    expect(window.items.map((i) => [i.node.entryId, i.node.runningBalance])).toEqual([
      ['mar', 115_000],
      ['feb', 112_000],
    ]);
    expect(window.closingBalance).toBe(112_000);
  });

  it('brings opening entries and earlier lines forward, runs the balance and pages by position', async () => {
    const first = await accountLedgerPage(batches(book), '512000', '2024-01-01', { first: 1, after: 0 });
    expect(first.openingBalance).toBe(100_000);
    expect(first.items.map((i) => [i.node.date, i.node.runningBalance, i.resumeToken])).toEqual([
      ['2024-02-10', 98_999, '1'],
    ]);
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 2, closingBalance: 96_999 });
    const second = await accountLedgerPage(batches(book), '512000', '2024-01-01', { first: 1, after: 1 });
    expect(second.items.map((i) => i.node.runningBalance)).toEqual([96_999]);
    expect(second.hasNextPage).toBe(false);
    const window = await accountLedgerPage(batches(book), '512000', '2024-03-01', { first: 10, after: 0 });
    expect(window.openingBalance).toBe(98_999);
    expect(window.closingBalance).toBe(96_999);
  });
});
