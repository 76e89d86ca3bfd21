/**
 * The rows of a bulk export, read from the provider in batches: the connector's stream when it has one
 * (one upstream call for the whole period, bounded memory), else its paged listing at the largest
 * page the schema allows. Capability checks happened when the export was started.
 */
import { UnsupportedByProviderError } from '../errors';
import { pages } from '../providers/read-all-pages';
import type { ProviderSession } from '../providers/types';
import type { BulkRow } from './bulk-row-format';
import type { BulkExportRequest } from './bulk-export.model';
import { isDraftLine, ledgerMovements } from '../ledger/ledger-source';
import type { LedgerMovement } from '../ledger/ledger.model';

/**
 * A FEC holds validated entries, in the order of their validation (art. A47 A-1 LPF): a line still
 * awaiting validation (a MyUnisoft draft) has no validation date and may yet change, so it is left out
 * and counted (`BulkExport.draftLinesLeftOut`), as the trial balance and ledger still count it.
 */
async function* validatedLines(
  batches: AsyncIterable<LedgerMovement[]>,
  onDraftsLeftOut: (count: number) => void,
): AsyncGenerator<LedgerMovement[]> {
  for await (const batch of batches) {
    const kept = batch.filter((line) => !isDraftLine(line));
    if (kept.length < batch.length) onDraftsLeftOut(batch.length - kept.length);
    if (kept.length > 0) yield kept;
  }
}

export function bulkRows(
  session: ProviderSession,
  request: BulkExportRequest,
  signal: AbortSignal,
  onDraftsLeftOut: (count: number) => void = () => undefined,
): AsyncIterable<BulkRow[]> {
  const { companyId, period } = request;
  // FEC: the ledger's lines (movements where the provider lists them, for lettering): an exercise's
  // are those booked in it (a year-end invoice may be dated in the previous year), a window's by date.
  if (request.format === 'FEC' && 'from' in period)
    return validatedLines(
      ledgerMovements(
        session,
        companyId,
        { ...period, exerciseId: request.fec?.exerciseId ?? null, exercise: null, accountClasses: [] },
        signal,
      ),
      onDraftsLeftOut,
    );
  if (request.kind === 'MOVEMENTS') {
    if (session.streamMovements) return session.streamMovements(companyId, period, signal, { bulk: true });
    const list = session.listMovements?.bind(session);
    if (!list) throw new UnsupportedByProviderError(session.provider, 'MOVEMENTS');
    return pages((page) => list(companyId, period, page), signal);
  }
  // ENTRIES: the request always carries dates (an exercise was turned into its own).
  const filter = 'from' in period ? period : {};
  if (session.streamEntries) return session.streamEntries(companyId, filter, signal);
  const list = session.listEntries?.bind(session);
  if (!list) throw new UnsupportedByProviderError(session.provider, 'ENTRIES');
  return pages((page) => list(companyId, filter, page), signal);
}
