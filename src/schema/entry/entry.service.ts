/** A company's entries, entry totals (computed exactly from the lines, never copied) and the entry's documents. */
import type { RequestContext } from '../../context';
import type { CompanyRecord, DocumentRecord, EntryRecord } from '../../domain/model';
import { sumCents, type Cents } from '../../domain/money';
import { requireMethod } from '../capabilities';
import type { Connection } from '../common/connection.type';
import { listConnection } from '../common/list-connection';
import type { PageArgs } from '../common/pagination.validation';
import type { EntryFilter } from '../../providers/types';
import { registerNodeFetcher } from '../node/node-fetchers';

/** `Company.entries`, its arguments validated (entry.resolver.ts's field spec). */
export function entriesConnection(
  ctx: RequestContext,
  company: Pick<CompanyRecord, 'provider' | 'providerId'>,
  valid: EntryFilter,
  page: PageArgs,
): Promise<Connection<EntryRecord>> {
  return listConnection(ctx, company, {
    name: 'entries',
    filter: valid,
    args: page,
    fetch: (session, page) =>
      requireMethod(session, 'listEntries', 'ENTRIES')(company.providerId, valid, page),
  });
}

export const debitTotal = (entry: EntryRecord): Cents => sumCents(entry.lines.map((l) => l.debit));
export const creditTotal = (entry: EntryRecord): Cents => sumCents(entry.lines.map((l) => l.credit));
export const isBalanced = (entry: EntryRecord): boolean => debitTotal(entry) === creditTotal(entry);

/** The attached documents, through the node loader (batched); dangling references are skipped and logged. */
export async function entryDocuments(ctx: RequestContext, entry: EntryRecord): Promise<DocumentRecord[]> {
  const documents = await Promise.all(
    entry.documentIds.map((nativeId) =>
      ctx.nodes.load({ type: 'Document', provider: entry.provider, companyId: entry.companyId, nativeId }),
    ),
  );
  const found = documents.filter((d): d is NonNullable<typeof d> => d !== null);
  if (found.length < documents.length)
    ctx.logger.warn({ entry: entry.providerId }, 'entry references documents the provider does not return');
  return found as unknown as DocumentRecord[];
}

registerNodeFetcher('Entry', (_ctx, session, { companyId, nativeId }) =>
  requireMethod(session, 'getEntry', 'ENTRIES')(companyId, nativeId),
);
