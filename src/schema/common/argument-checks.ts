/**
 * The argument rules checked on the whole operation before execution
 * (src/server/limits/use-argument-checks.ts), for root and nested fields alike: everything that can
 * be judged from the arguments alone (bounds, windows, filters, the shape of ids, mutation inputs).
 * What needs the caller's data — is this id or cursor theirs — stays with the resolver, as a field
 * error. Each rule is the resolver's own validator, so both answer the same error. Declared list
 * fields (src/schema/fields/list-field.ts) bring their own rule, their spec's validator: capability
 * first, so a provider that lacks the field answers UNSUPPORTED_BY_PROVIDER from its resolver instead.
 */
import { decodeGlobalId, decodeGlobalIdOf, type NodeType } from '../../domain/ids';
import { BadUserInputError } from '../../errors';
import { validateAccessTokenInput } from '../access-token/access-token.service';
import { validateBulkPeriod } from '../bulk-export/bulk-export.validation';
import type { CreateExpenseBillInput } from '../document/document.input';
import { validateExpenseBillFields, validateUploadFields } from '../document/document.service';
import { validateIdempotencyKey } from './idempotent-mutation';
import { validateCreateExportJob } from '../export-job/export-job.validation';
import {
  exportJobOf,
  validateUpdateExportJobItems,
  validateUpdateExportJobStatus,
} from '../export-job/export-job-lifecycle.validation';
import { MAX_NODE_IDS } from '../node/node-ids';
import { validateTrialBalanceFilter } from '../ledger/ledger.validation';
import { listFieldSpec } from '../fields/list-field';
import { parsePageArgs } from './pagination.validation';
import type { RequestContext } from '../../context';
import type { ProviderName } from '../../domain/model';

type Args = Record<string, unknown>;
type ArgumentCheck = (args: Args) => void;

/**
 * `first` in bounds and `after` of a plausible length. The cursor's signature is checked by the
 * connection itself (src/domain/cursor.ts), which answers a foreign one like a forged one.
 */
function pageArgs(args: Args): void {
  parsePageArgs(args.first as number | null | undefined, args.after as string | null | undefined);
}

/** A well-formed global id (of one of `types` when given); whose it is, the resolver judges. */
const idOf =
  (...types: NodeType[]) =>
  (args: Args) =>
    void (types.length
      ? decodeGlobalIdOf(args.id as string, types, 'id')
      : decodeGlobalId(args.id as string, 'id'));

/** The company of a mutation input, which must be a Company id. */
const inputCompany = (args: Args) =>
  decodeGlobalIdOf((args.input as Args).companyId as string, ['Company'], 'input.companyId');

/** A mutation input's idempotency key, when given. */
const inputKey = (args: Args) =>
  validateIdempotencyKey((args.input as Args).idempotencyKey as string | undefined);

/** Rules by `<parent type>.<field>`. */
export const ARGUMENT_CHECKS: Readonly<Record<string, ArgumentCheck>> = {
  'Query.companies': pageArgs,
  'Query.company': idOf('Company'),
  'Query.node': idOf(),
  'Query.exportJob': idOf('ExportJob'),
  'Query.bulkExport': idOf('BulkExport'),
  'Query.nodes': (args) => {
    const ids = args.ids as string[];
    if (ids.length > MAX_NODE_IDS)
      throw new BadUserInputError(`ids: at most ${MAX_NODE_IDS} per request.`, 'ids');
    ids.forEach((id, i) => decodeGlobalId(id, `ids.${i}`));
  },
  'Mutation.createExportJob': (args) => {
    validateCreateExportJob(inputCompany(args), {
      ...(args.input as Args),
      companyId: undefined,
      idempotencyKey: undefined,
    });
    inputKey(args);
  },
  'Mutation.updateExportJobStatus': (args) => {
    const input = args.input as Args;
    validateUpdateExportJobStatus(exportJobOf(input), input);
    inputKey(args);
  },
  'Mutation.updateExportJobItems': (args) => {
    const input = args.input as Args;
    validateUpdateExportJobItems(exportJobOf(input), input);
    inputKey(args);
  },
  'Mutation.startBulkExport': (args) => {
    validateBulkPeriod(inputCompany(args), args.input as Args);
    inputKey(args);
  },
  'Mutation.uploadDocument': (args) => {
    inputCompany(args);
    validateUploadFields(args.input as Args);
    inputKey(args);
  },
  'Mutation.createExpenseBill': (args) => {
    inputCompany(args);
    validateExpenseBillFields(args.input as CreateExpenseBillInput);
    inputKey(args);
  },
  'Mutation.createAccessToken': (args) => void validateAccessTokenInput(args.input),
  'Company.trialBalance': (args) => {
    validateTrialBalanceFilter(args.filter);
  },
};

/**
 * The rule of `<parent type>.<field>`, if any: a declared list field's validator, skipped when the
 * company's provider (known from the operation's `company(id)` / `node(id)`) lacks its capability.
 */
export function argumentCheckOf(
  ctx: RequestContext,
  parentType: string,
  field: string,
  provider?: ProviderName,
): ArgumentCheck | undefined {
  const spec = listFieldSpec(parentType, field);
  if (!spec) return ARGUMENT_CHECKS[`${parentType}.${field}`];
  if (provider && !providerOffers(ctx, provider, spec.capability)) return undefined;
  return (args) => void spec.validate(args);
}

function providerOffers(ctx: RequestContext, provider: ProviderName, capability: string): boolean {
  if (!ctx.providers.includes(provider)) return false;
  return (ctx.session(provider).capabilities as readonly string[]).includes(capability);
}
