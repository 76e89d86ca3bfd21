/** Account-class filters: an account matches when its number starts with one of the roots. */
export function matchesClasses(accountNumber: string, classes: readonly string[]): boolean {
  return classes.length === 0 || classes.some((root) => accountNumber.startsWith(root));
}

/** PCG classes 40x–41x (suppliers, customers) are third-party accounts. */
export const isThirdPartyAccount = (accountNumber: string): boolean => /^4[01]/.test(accountNumber);
