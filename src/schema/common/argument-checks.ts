/**
 * The argument rules of nested fields, run on the whole operation before execution
 * (src/server/limits/use-argument-checks.ts). Threat: malformed input costing upstream calls — without
 * this, `company(id) { movements(filter: <broken>) }` looks the company up at its provider before
 * the movements resolver refuses the filter. Root fields need no entry: their resolvers validate
 * before any call. Each rule is the resolver's own validator, so both answer the same error.
 */
import { BadUserInputError } from '../../errors';
import { validateDocumentFilter } from '../document/document.validation';
import { validateEntryFilter } from '../entry/entry.validation';
import { validateMovementFilter } from '../movement/movement.validation';
import { validateAccountNumber, validateTrialBalanceFilter } from '../ledger/ledger.validation';
import { parsePageArgs } from './pagination.validation';

type Args = Record<string, unknown>;
type ArgumentCheck = (args: Args) => void;

/**
 * `first` in bounds and `after` of a plausible length. The cursor's signature is checked by the
 * connection itself (src/domain/cursor.ts), which answers a foreign one like a forged one.
 */
function pageArgs(args: Args): void {
  parsePageArgs(args.first as number | null | undefined, args.after as string | null | undefined);
}

/** Rules by `<parent type>.<field>`. */
export const NESTED_ARGUMENT_CHECKS: Readonly<Record<string, ArgumentCheck>> = {
  'Company.movements': (args) => {
    validateMovementFilter(args.filter);
    pageArgs(args);
  },
  'Exercise.movements': (args) => {
    const filter = args.filter as Args | null | undefined;
    if (filter?.exerciseId)
      throw new BadUserInputError('filter.exerciseId: the exercise is already given.', 'filter.exerciseId');
    // The resolver adds the exercise itself; a window given with it is refused the same way.
    validateMovementFilter({ ...filter, exerciseId: 'this exercise' });
    pageArgs(args);
  },
  'Company.entries': (args) => {
    validateEntryFilter(args.filter);
    pageArgs(args);
  },
  'Company.documents': (args) => {
    validateDocumentFilter(args.filter);
    pageArgs(args);
  },
  'Company.exportJobs': pageArgs,
  'Company.accounts': pageArgs,
  'Company.trialBalance': (args) => {
    validateTrialBalanceFilter(args.filter);
  },
  'Company.ledger': (args) => {
    validateAccountNumber(args.account);
    validateTrialBalanceFilter(args.filter);
    pageArgs(args);
  },
};
