/**
 * A listing snapshot keeps the rows the provider sent malformed, as markers in their place, so a page
 * served from the snapshot reports them (UPSTREAM_BAD_DATA) as the page that downloaded it would.
 */
import { z } from 'zod';
import { UpstreamBadDataError, type ProviderName } from '../errors';

export interface StoredBadRow {
  badRow: string;
  reason: string;
  provider: ProviderName;
}

export type SnapshotRow<T> = T | StoredBadRow;

const storedBadRowSchema: z.ZodType<StoredBadRow> = z.object({
  badRow: z.string(),
  reason: z.string(),
  provider: z.enum(['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO']),
});

/** The schema of a snapshot's rows: a record checked by `schema`, or a bad row's marker. */
export const snapshotRowSchema = <T>(schema: z.ZodType<T>): z.ZodType<SnapshotRow<T>> =>
  z.union([storedBadRowSchema, schema]);

export const isStoredBadRow = <T>(row: SnapshotRow<T>): row is StoredBadRow =>
  typeof row === 'object' && row !== null && 'badRow' in row;

export const toSnapshotRow = <T>(row: T | UpstreamBadDataError): SnapshotRow<T> =>
  row instanceof UpstreamBadDataError ? { badRow: row.row, reason: row.reason, provider: row.provider } : row;

export const rowError = (stored: StoredBadRow): UpstreamBadDataError =>
  new UpstreamBadDataError(stored.provider, stored.badRow, stored.reason);
