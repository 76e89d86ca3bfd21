/**
 * A trial balance summed as the lines stream by: memory grows with the number of accounts (and of
 * entries still open in the stream), never with the number of lines. Amounts are integer cents.
 */
import type { AccountRecord } from '../domain/model';
import type { Cents } from '../domain/money';
import type { LedgerMovement, TrialBalanceLineRecord } from './ledger.model';

const add = (a: Cents, b: Cents): Cents => {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('trial balance totals out of range');
  return sum;
};

export interface TrialBalanceSums {
  lines: TrialBalanceLineRecord[];
  debitTotal: Cents;
  creditTotal: Cents;
  balanced: boolean;
  unbalancedEntryIds: string[];
}

export class TrialBalanceAccumulator {
  private readonly accounts = new Map<string, { account: AccountRecord; debit: Cents; credit: Cents }>();
  /** Entries whose lines seen so far do not yet sum to zero; an entry leaves once it balances. */
  private readonly openEntries = new Map<string, Cents>();

  /** @param checkEntries false when the lines are a subset of each entry's (an account-class filter). */
  constructor(private readonly checkEntries = true) {}

  add(movement: LedgerMovement): void {
    const key = movement.account.number;
    const row = this.accounts.get(key) ?? { account: movement.account, debit: 0, credit: 0 };
    if (!row.account.name && movement.account.name) row.account = movement.account;
    row.debit = add(row.debit, movement.debit);
    row.credit = add(row.credit, movement.credit);
    this.accounts.set(key, row);
    if (!this.checkEntries) return;
    const open = add(this.openEntries.get(movement.entryId) ?? 0, movement.debit - movement.credit);
    if (open === 0) this.openEntries.delete(movement.entryId);
    else this.openEntries.set(movement.entryId, open);
  }

  result(): TrialBalanceSums {
    const lines = [...this.accounts.values()]
      .sort((a, b) =>
        a.account.number < b.account.number ? -1 : a.account.number > b.account.number ? 1 : 0,
      )
      .map((row) => ({
        account: row.account,
        debit: row.debit,
        credit: row.credit,
        balance: row.debit - row.credit,
      }));
    const debitTotal = lines.reduce((sum, line) => add(sum, line.debit), 0);
    const creditTotal = lines.reduce((sum, line) => add(sum, line.credit), 0);
    return {
      lines,
      debitTotal,
      creditTotal,
      balanced: debitTotal === creditTotal,
      unbalancedEntryIds: [...this.openEntries.keys()],
    };
  }
}

/** Sums a period's lines into a trial balance. */
export async function sumTrialBalance(
  batches: AsyncIterable<LedgerMovement[]>,
  checkEntries: boolean,
): Promise<TrialBalanceSums> {
  const accumulator = new TrialBalanceAccumulator(checkEntries);
  for await (const batch of batches) for (const movement of batch) accumulator.add(movement);
  return accumulator.result();
}
