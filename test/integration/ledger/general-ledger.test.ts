/**
 * The general ledger over the demo: for every MyUnisoft, Inqom and Pleo company of the demo tenant,
 * accounts and journals are listed; the trial balance of its first exercise (Pleo: a calendar-year
 * window) is balanced, adds up, and reconciles with the provider's own balance route; the ledger of
 * an account, walked page by page, ends on a closing balance equal to its trial-balance line.
 */
import { encodeGlobalId } from '../../../src/domain/ids';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import {
  AccountLedgerDocument,
  type AccountLedgerQuery,
  CompanyChartDocument,
  TrialBalanceDocument,
} from '@grand-livre/sdk';
import { dataOf, runOperation, type OperationResult } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { PROVIDER_OF, cents } from '../operations/fixtures';
import { upstreamCalls } from '../schema/upstream-log';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const BOOKKEEPERS: SimProvider[] = ['myunisoft', 'inqom', 'pleo'];

function companiesOf(provider: SimProvider) {
  return stack.sims.dataset.companiesOf(provider, 'demo').map((gen) => {
    const p = PROVIDER_OF[provider];
    const first = gen.exercises[0]!;
    const id = encodeGlobalId({ type: 'Company', provider: p, companyId: gen.id, nativeId: gen.id });
    const filter =
      provider === 'pleo'
        ? { from: first.startDate, to: first.endDate }
        : {
            exerciseId: encodeGlobalId({
              type: 'Exercise',
              provider: p,
              companyId: gen.id,
              nativeId: first.id,
            }),
          };
    return { gen, id, filter, provider };
  });
}

describe.each(BOOKKEEPERS)('%s companies', (provider) => {
  it('list their accounts and journals', async () => {
    for (const { id } of companiesOf(provider)) {
      const company = dataOf(
        await runOperation(stack, CompanyChartDocument, { companyId: id, first: 500 }),
      ).company!;
      const numbers = company.accounts.edges.map((e) => e.node.number);
      expect(numbers.length).toBeGreaterThan(5);
      expect([...numbers].sort()).toEqual(numbers);
      expect(company.journals.length).toBeGreaterThan(0);
    }
  });

  it('give a balanced trial balance of the first exercise that reconciles, and ledgers that walk to it', async () => {
    for (const { gen, id, filter } of companiesOf(provider)) {
      const tb = dataOf(await runOperation(stack, TrialBalanceDocument, { companyId: id, filter })).company!
        .trialBalance;
      expect(tb.from).toBe(gen.exercises[0]!.startDate);
      expect(tb.balanced).toBe(true);
      expect(tb.debitTotal).toBe(tb.creditTotal);
      expect(tb.unbalancedEntryIds).toEqual([]);
      expect(tb.lines.length).toBeGreaterThan(5);
      const sum = (side: 'debit' | 'credit') => tb.lines.reduce((s, l) => s + cents(l[side]), 0);
      expect(sum('debit')).toBe(cents(tb.debitTotal));
      expect(sum('credit')).toBe(cents(tb.creditTotal));
      for (const line of tb.lines) expect(cents(line.balance)).toBe(cents(line.debit) - cents(line.credit));
      // From the generator: every line of the exercise, summed independently of the gateway.
      let expectedDebit = 0;
      for (const entry of stack.sims.dataset.entries(gen, gen.exercises[0]!))
        for (const line of entry.lines) expectedDebit += line.debit;
      expect(cents(tb.debitTotal)).toBe(expectedDebit);
      if (provider === 'pleo') expect(tb.reconciliation).toBeNull();
      else expect(tb.reconciliation).toMatchObject({ matches: true, differences: [] });

      const line = tb.lines.find((l) => l.account.number.startsWith('401'))!;
      let after: string | null = null;
      let walked = 0;
      let last: string | null = null;
      let closing = '';
      for (;;) {
        const result: OperationResult<AccountLedgerQuery> = await runOperation(stack, AccountLedgerDocument, {
          companyId: id,
          account: line.account.number,
          filter,
          first: 25,
          after,
        });
        const page = dataOf(result).company!.ledger;
        expect(page.openingBalance).toBe('0.00');
        for (const edge of page.edges) {
          walked += cents(edge.node.debit) - cents(edge.node.credit);
          expect(cents(edge.node.runningBalance)).toBe(walked);
          if (last) expect(edge.node.date >= last).toBe(true);
          last = edge.node.date;
        }
        closing = page.closingBalance;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(cents(closing)).toBe(walked);
      expect(closing).toBe(line.balance);
    }
  });
});

describe('upstream calls and refusals', () => {
  const mu = () => companiesOf('myunisoft')[0]!;

  it('costs MyUnisoft one movements download, one balance and one exercises call per trial balance', async () => {
    const { id, filter } = mu();
    stack.sims.resetRequests();
    const tb = await runOperation(stack, TrialBalanceDocument, { companyId: id, filter });
    expect(tb.errors).toBeUndefined();
    const paths = upstreamCalls(stack.sims).map((c) => c.split('?')[0] ?? '');
    expect(paths.filter((p) => p.includes('/mad/movements'))).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/mad/balance'))).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/mad/exercices'))).toHaveLength(1);
    expect(paths.filter((p) => /\/mad\/|\/entries/.test(p))).toHaveLength(3);
  });

  it('refuses a bad filter or account with BAD_USER_INPUT on the field, before any upstream call', async () => {
    const { id, filter } = mu();
    stack.sims.resetRequests();
    const both = await runOperation(stack, TrialBalanceDocument, {
      companyId: id,
      filter: { ...filter, from: '2024-01-01', to: '2024-03-31' },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.exerciseId',
    });
    const long = await runOperation(stack, TrialBalanceDocument, {
      companyId: id,
      filter: { from: '2024-01-01', to: '2025-01-01' },
    });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const classes = await runOperation(stack, TrialBalanceDocument, {
      companyId: id,
      filter: { ...filter, accountClasses: ['4x'] },
    });
    expect(classes.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.accountClasses.0',
    });
    const account = await runOperation(stack, AccountLedgerDocument, {
      companyId: id,
      account: '401 000',
      filter,
    });
    expect(account.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'account' });
    expect(upstreamCalls(stack.sims)).toEqual([]);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for a Jepilote company', async () => {
    const gen = stack.sims.dataset.companiesOf('jepilote', 'demo')[0]!;
    const id = encodeGlobalId({ type: 'Company', provider: 'JEPILOTE', companyId: gen.id, nativeId: gen.id });
    const tb = await runOperation(stack, TrialBalanceDocument, {
      companyId: id,
      filter: { from: '2026-01-01', to: '2026-06-30' },
    });
    expect(tb.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_BY_PROVIDER');
  });

  it('reads a ledger window whose exercise start lies more than 12 months back, in MAD-sized windows', async () => {
    const { id, gen } = mu();
    const [first, second] = gen.exercises;
    if (!second) throw new Error('the demo MyUnisoft company has one exercise only');
    // 12 months from mid-first-exercise: brought forward from the first exercise's start, 18 months back.
    const from = `${first!.startDate.slice(0, 4)}-07-01`;
    const to = `${Number(from.slice(0, 4)) + 1}-06-30`;
    expect(to <= second.endDate).toBe(true);
    let walked = 0;
    let opening = '';
    let closing = '';
    for (let after: string | null = null; ;) {
      const result: OperationResult<AccountLedgerQuery> = await runOperation(stack, AccountLedgerDocument, {
        companyId: id,
        account: '512000',
        filter: { from, to },
        first: 500,
        after,
      });
      expect(result.errors).toBeUndefined();
      const page = dataOf(result).company!.ledger;
      ({ openingBalance: opening, closingBalance: closing } = page);
      for (const edge of page.edges) walked += cents(edge.node.debit) - cents(edge.node.credit);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(cents(closing) - cents(opening)).toBe(walked);
  });

  it("gives a window equal to the exercise the exercise's trial balance, reconciled (both by booking date)", async () => {
    const { id, filter, gen } = mu();
    const exercise = gen.exercises[0]!;
    const balanceOf = async (asked: Record<string, unknown>) =>
      dataOf(await runOperation(stack, TrialBalanceDocument, { companyId: id, filter: asked })).company!
        .trialBalance;
    const byExercise = await balanceOf(filter);
    const byWindow = await balanceOf({ from: exercise.startDate, to: exercise.endDate });
    // The demo books year-end invoices in the next exercise, and keeps drafts: by document date alone,
    // or without the drafts, the two would differ.
    expect(byWindow.lines).toEqual(byExercise.lines);
    expect(byWindow.reconciliation).toMatchObject({ matches: true, differences: [] });
  });

  it('narrows a trial balance to account classes, still reconciled', async () => {
    const { id, filter } = mu();
    const tb = dataOf(
      await runOperation(stack, TrialBalanceDocument, {
        companyId: id,
        filter: { ...filter, accountClasses: ['4', '512'] },
      }),
    ).company!.trialBalance;
    expect(tb.lines.map((l) => l.account.number).every((n) => n.startsWith('4') || n.startsWith('512'))).toBe(
      true,
    );
    expect(tb.lines.length).toBeGreaterThan(2);
    expect(tb.reconciliation).toMatchObject({ matches: true });
  });

  it('keeps the trial balance when the provider balance fails: reconciliation alone is null, with a typed error', async () => {
    const { id, filter } = mu();
    const faults = stack.sims.simulators.myunisoft.faults;
    faults.add({ kind: 'status', status: 500, path: '^/api/v1/mad/balance' });
    try {
      const result = await runOperation(stack, TrialBalanceDocument, { companyId: id, filter });
      const tb = result.data?.company?.trialBalance;
      expect(tb?.balanced).toBe(true);
      expect(tb?.lines.length).toBeGreaterThan(5);
      expect(tb?.reconciliation).toBeNull();
      expect(result.errors?.map((e) => e.path)).toEqual([['company', 'trialBalance', 'reconciliation']]);
      expect(String(result.errors?.[0]?.extensions?.code)).toMatch(/^UPSTREAM_/);
    } finally {
      faults.clear();
    }
  });

  it("brings a window's earlier lines of the exercise forward: closing − opening is the window's trial line", async () => {
    const { id, gen } = mu();
    const window = { from: '2024-04-01', to: '2024-09-30' };
    const tb = dataOf(await runOperation(stack, TrialBalanceDocument, { companyId: id, filter: window }))
      .company!.trialBalance;
    const line = tb.lines.find((l) => l.account.number === '512000')!;
    const page = dataOf(
      await runOperation(stack, AccountLedgerDocument, {
        companyId: id,
        account: '512000',
        filter: window,
        first: 500,
      }),
    ).company!.ledger;
    let before = 0;
    for (const entry of stack.sims.dataset.entries(gen, gen.exercises[0]!))
      for (const l of entry.lines)
        if (entry.date < window.from && l.account.number === '512000') before += l.debit - l.credit;
    expect(before).not.toBe(0);
    expect(cents(page.openingBalance)).toBe(before);
    expect(cents(page.closingBalance) - cents(page.openingBalance)).toBe(cents(line.balance));
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges.at(-1)?.node.runningBalance).toBe(page.closingBalance);
  });
});
