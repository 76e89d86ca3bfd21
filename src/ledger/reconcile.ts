/** Our trial balance against the provider's own: per account, debit − credit must be equal to the cent. */
import type {
  AccountDifferenceRecord,
  ProviderBalance,
  ReconciliationRecord,
  TrialBalanceLineRecord,
} from './ledger.model';

export function reconcile(ours: TrialBalanceLineRecord[], provider: ProviderBalance): ReconciliationRecord {
  const theirs = new Map<string, number>();
  for (const line of provider.lines)
    theirs.set(line.accountNumber, (theirs.get(line.accountNumber) ?? 0) + line.balance);
  const mine = new Map(ours.map((line) => [line.account.number, line.balance]));
  const numbers = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  const differences: AccountDifferenceRecord[] = [];
  for (const accountNumber of numbers) {
    const a = mine.get(accountNumber) ?? 0;
    const b = theirs.get(accountNumber) ?? 0;
    if (a !== b) differences.push({ accountNumber, ours: a, provider: b });
  }
  return { source: provider.source, matches: differences.length === 0, differences };
}
