/**
 * The Company's general-ledger fields, in their own resolver (thin: validate, delegate to
 * ledger.service). The list fields are declared once (src/schema/fields/list-field.ts): capability
 * ENTRIES (every provider that keeps books), their argument check and their shared call come from it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { CompanyRecord } from '../../domain/model';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField } from '../fields/list-field';
import { Company } from '../company/company.type';
import { Journal } from '../entry/entry.type';
import { accountLedger, companyAccounts, companyJournals, trialBalance } from './ledger.service';
import { AccountConnection, LedgerConnection, TrialBalance } from './ledger.type';
import { validateAccountNumber, validateTrialBalanceFilter } from './ledger.validation';
import { TrialBalanceFilter } from './trial-balance.input';

const firstArg = { nullable: true, description: 'Page size: default 50, at most 500.' } as const;
const afterArg = { nullable: true, description: 'Cursor of the edge to continue after.' } as const;
const filterArg = { description: 'An exercise or a window of at most 12 months.' } as const;

const companyAccountsField = defineCompanyListField({
  field: 'accounts',
  capability: 'ENTRIES',
  validate: pageArgsOf,
  fetch: (ctx, company, page) => companyAccounts(ctx, company, page),
});

const companyJournalsField = defineCompanyListField({
  field: 'journals',
  capability: 'ENTRIES',
  validate: () => null,
  fetch: (ctx, company) => companyJournals(ctx, company),
});

const companyLedgerField = defineCompanyListField({
  field: 'ledger',
  capability: 'ENTRIES',
  validate: (args) => ({
    account: validateAccountNumber(args.account),
    // The account is given: accountClasses would only narrow it away.
    filter: { ...validateTrialBalanceFilter(args.filter), accountClasses: [] },
    page: pageArgsOf(args),
  }),
  fetch: async (ctx, company, { account, filter, page }) => {
    const ledger = await accountLedger(ctx, company, account, filter, page);
    return {
      ...ledger.connection,
      openingBalance: ledger.openingBalance,
      closingBalance: ledger.closingBalance,
      totalCount: ledger.totalCount,
    };
  },
});

@Resolver(() => Company)
export class CompanyLedgerResolver {
  @FieldResolver(() => AccountConnection, {
    description:
      "The chart of accounts by number: the provider's own list (MyUnisoft /mad/accounts, Inqom /accounts), or, where it has none (Pleo), the accounts its entries use. UNSUPPORTED_BY_PROVIDER for Jepilote.",
  })
  accounts(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    return companyAccountsField.resolve(ctx, company, { first, after }, info.path);
  }

  @FieldResolver(() => [Journal], {
    description:
      "The journals: the provider's own list (MyUnisoft /mad/journals, Inqom /journals), or, where it has none (Pleo), the journals its entries use.",
  })
  journals(@Root() company: CompanyRecord, @Ctx() ctx: RequestContext) {
    return companyJournalsField.resolve(ctx, company, {});
  }

  @FieldResolver(() => TrialBalance, {
    description:
      "The trial balance of an exercise or a window (≤ 12 months), summed in cents from the provider's movements or entry lines (one streamed read), reconciled with the provider's own balance where it has one. Opening entries (journal AN) count as the provider counts them: as movements of the period.",
  })
  trialBalance(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => TrialBalanceFilter, filterArg) filter: TrialBalanceFilter,
  ) {
    return trialBalance(ctx, company, validateTrialBalanceFilter(filter));
  }

  @FieldResolver(() => LedgerConnection, {
    description:
      "One account's general ledger over the period: balance brought forward, each line with its running balance in date order, closing balance. Its movement over the period (closing − opening) equals the account's trial-balance line. accountClasses is ignored (the account is given).",
  })
  ledger(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('account', () => String, { description: 'The account number, e.g. "401000".' }) account: string,
    @Arg('filter', () => TrialBalanceFilter, filterArg) filter: TrialBalanceFilter,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    return companyLedgerField.resolve(ctx, company, { account, filter, first, after }, info.path);
  }
}
