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
import { ledgerMovements } from '../ledger/ledger-source';

export function bulkRows(
  session: ProviderSession,
  request: BulkExportRequest,
  signal: AbortSignal,
): AsyncIterable<BulkRow[]> {
  const { companyId, period } = request;
  // FEC: the ledger's lines (movements where the provider lists them, for lettering): an exercise's
  // are those booked in it (a year-end invoice may be dated in the previous year), a window's by date.
  if (request.format === 'FEC' && 'from' in period)
    return ledgerMovements(
      session,
      companyId,
      { ...period, exerciseId: request.fec?.exerciseId ?? null, exercise: null, accountClasses: [] },
      signal,
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
