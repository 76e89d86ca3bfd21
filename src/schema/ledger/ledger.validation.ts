/**
 * TrialBalanceFilter rules: an exercise or a from/to window of at most 12 months, not both, from ≤ to,
 * account classes as digit roots (MovementFilter's period rules, one home); the ledger's account is
 * digits and letters. Checked before any upstream call; errors name `filter.<field>` / `account`.
 */
import { BadUserInputError } from '../../errors';
import { validateMovementFilter } from '../movement/movement.validation';

export interface ValidTrialBalanceFilter {
  /** Still a global id (the service resolves it). */
  exerciseId?: string;
  from?: string;
  to?: string;
  accountClasses: string[];
}

export function validateTrialBalanceFilter(filter: unknown): ValidTrialBalanceFilter {
  const f = (filter ?? {}) as Record<string, unknown>;
  const valid = validateMovementFilter({
    exerciseId: f.exerciseId,
    from: f.from,
    to: f.to,
    accountClasses: f.accountClasses,
  });
  return {
    ...(valid.exerciseId ? { exerciseId: valid.exerciseId } : {}),
    ...(valid.from ? { from: valid.from, to: valid.to! } : {}),
    accountClasses: valid.accountClasses ?? [],
  };
}

export function validateAccountNumber(account: unknown): string {
  if (typeof account !== 'string' || !/^[0-9A-Za-z]{1,20}$/.test(account))
    throw new BadUserInputError('account: an account number is 1 to 20 digits or letters.', 'account');
  return account;
}
