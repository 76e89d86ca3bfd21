/**
 * The general ledger's services: chart of accounts and journals (provider routes, or derived from
 * the company's entries), trial balance reconciled with the provider's own, one account's ledger.
 * Each reads the period's lines once, streamed (src/ledger/).
 */
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { AccountRecord, JournalRecord } from '../../domain/model';
import { accountLedgerPage, type AccountLedgerPage } from '../../ledger/account-ledger';
import { ledgerMovements } from '../../ledger/ledger-source';
import type { LedgerPeriod, TrialBalanceRecord } from '../../ledger/ledger.model';
import { reconcile } from '../../ledger/reconcile';
import { sumTrialBalance } from '../../ledger/trial-balance';
import type { ProviderSession } from '../../providers/types';
import { requireMethod } from '../capabilities';
import { toConnection, toPageRequest, paginateList } from '../common/paginate';
import type { PageArgs } from '../common/pagination.validation';
import { booksSession, resolvePeriod, type CompanyRef } from './ledger-period';
import type { ValidTrialBalanceFilter } from './ledger.validation';
import { BadUserInputError } from '../../errors';

/** Accounts and journals seen in every entry of the company (providers without chart routes: Pleo). */
async function derivedChart(ctx: RequestContext, session: ProviderSession, company: CompanyRef) {
  return ctx.once(`derived-chart|${company.provider}|${company.providerId}`, async () => {
    const accounts = new Map<string, AccountRecord>();
    const journals = new Map<string, JournalRecord>();
    const list = requireMethod(session, 'listEntries', 'ENTRIES');
    let after: string | null = null;
    for (;;) {
      const page = await list(company.providerId, {}, { first: 500, after });
      for (const { node } of page.items) {
        if (!journals.has(node.journal.code))
          journals.set(node.journal.code, { ...node.journal, type: null });
        for (const line of node.lines)
          if (line.account.number && !accounts.has(line.account.number))
            accounts.set(line.account.number, line.account);
      }
      const last = page.items.at(-1);
      if (!page.hasNextPage || !last) break;
      after = last.resumeToken;
    }
    return { accounts: [...accounts.values()], journals: [...journals.values()] };
  });
}

const byNumber = (a: AccountRecord, b: AccountRecord) =>
  a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

export async function companyAccounts(ctx: RequestContext, company: CompanyRef, args: PageArgs) {
  const scope = {
    secret: ctx.signingSecret,
    key: { tenantId: ctx.tenant.id, connection: `accounts:${company.provider}:${company.providerId}` },
  };
  toPageRequest(scope, args); // a foreign cursor is refused before any upstream call
  const session = booksSession(ctx, company);
  const accounts = session.listAccounts
    ? await session.listAccounts(company.providerId)
    : (await derivedChart(ctx, session, company)).accounts;
  return paginateList(scope, args, [...accounts].sort(byNumber));
}

export async function companyJournals(ctx: RequestContext, company: CompanyRef): Promise<JournalRecord[]> {
  const session = booksSession(ctx, company);
  if (session.listJournals) return session.listJournals(company.providerId);
  return (await derivedChart(ctx, session, company)).journals;
}

export async function trialBalance(
  ctx: RequestContext,
  company: CompanyRef,
  filter: ValidTrialBalanceFilter,
): Promise<TrialBalanceRecord> {
  const session = booksSession(ctx, company);
  const period = await resolvePeriod(ctx, session, company, filter);
  const lines = ledgerMovements(session, company.providerId, period, ctx.signal);
  // Asked beside the stream; its failure nulls `reconciliation` alone (typed error), not the balance.
  const providerBalance = session.providerBalance?.(company.providerId, period) ?? null;
  providerBalance?.catch(() => undefined);
  const sums = await sumTrialBalance(lines, period.accountClasses.length === 0);
  return {
    from: period.from,
    to: period.to,
    ...sums,
    unbalancedEntryIds: sums.unbalancedEntryIds.map((providerId) =>
      recordGlobalId('Entry', { provider: company.provider, companyId: company.providerId, providerId }),
    ),
    reconciliation: providerBalance && providerBalance.then((balance) => reconcile(sums.lines, balance)),
  };
}

/** The exercise's lines before the period feed the balance brought forward, in the same download. */
function ledgerSpan(period: LedgerPeriod, account: string): LedgerPeriod {
  const start =
    period.exercise && period.exercise.startDate < period.from ? period.exercise.startDate : period.from;
  const exerciseId = start === period.from ? period.exerciseId : null;
  return { ...period, from: start, exerciseId, accountClasses: [account] };
}

export async function accountLedger(
  ctx: RequestContext,
  company: CompanyRef,
  account: string,
  filter: ValidTrialBalanceFilter,
  args: PageArgs,
): Promise<AccountLedgerPage & { connection: ReturnType<typeof toConnection> }> {
  const scope = {
    secret: ctx.signingSecret,
    key: {
      tenantId: ctx.tenant.id,
      connection: `ledger:${company.provider}:${company.providerId}:${account}`,
      filter,
    },
  };
  const request = toPageRequest(scope, args);
  const after = request.after === null ? 0 : Number(request.after);
  if (!Number.isSafeInteger(after) || after < 0)
    throw new BadUserInputError('after is not a valid cursor.', 'after');
  const session = booksSession(ctx, company);
  const period = await resolvePeriod(ctx, session, company, filter);
  const lines = ledgerMovements(session, company.providerId, ledgerSpan(period, account), ctx.signal);
  const page = await accountLedgerPage(lines, account, period.from, { first: args.first, after });
  // Each line's `entry` is looked up only when selected: the provider may then fetch the page's together.
  session.expectEntries?.(
    company.providerId,
    page.items.flatMap(({ node }) =>
      node.entry === null && node.movement?.entryId
        ? [{ entryId: node.movement.entryId, date: node.date }]
        : [],
    ),
  );
  const connection = toConnection(scope, args, { ...page, totalCount: page.totalCount });
  return { ...page, connection };
}
