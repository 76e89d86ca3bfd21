/** Account-class filters: an account matches when its number starts with one of the roots. */
export function matchesClasses(accountNumber: string, classes: readonly string[]): boolean {
  return classes.length === 0 || classes.some((root) => accountNumber.startsWith(root));
}

/** PCG classes 40x–41x (suppliers, customers) are third-party accounts. */
export const isThirdPartyAccount = (accountNumber: string): boolean => /^4[01]/.test(accountNumber);

/**
 * Opening entries (à-nouveaux): journal code AN, or a journal typed as such. Providers count them as
 * movements of the exercise in their balances; the ledger shows them as the balance brought forward.
 * (MyUnisoft's entry type IB is a bank integration, not an opening.)
 */
export const isOpeningJournal = (journal: { code: string; type: string | null }): boolean =>
  journal.code.toUpperCase() === 'AN' || /^an$|nouveau/i.test(journal.type ?? '');
