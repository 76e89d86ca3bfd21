/**
 * How an entry listing's snapshot stores its rows: each entry as an array of values, its lines as arrays
 * too (under half the characters of keyed objects: a first page's chunk is written while four
 * connections' pages wait on the same event loop, and page 2 parses it back).
 */
import type { EntryLineRecord, EntryRecord, EntryType, ProviderName } from '../domain/model';
import { entryRecordSchema } from './list-record-schemas';
import type { RowFormat } from './listing-snapshots';
import { isStoredBadRow, snapshotRowSchema, type SnapshotRow } from './snapshot-rows';

/** A line as stored: account number and name, label, debit, credit, currency, piece, invoice number, due date. */
type LineValues = [
  string,
  string | null,
  string | null,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** An entry as stored, in this order; its journal flattened. */
type EntryValues = [
  ProviderName,
  string,
  string,
  EntryType,
  string,
  string,
  string | null,
  string,
  LineValues[],
  string[],
];

const lineValues = (l: EntryLineRecord): LineValues => [
  l.account.number,
  l.account.name,
  l.label,
  l.debit,
  l.credit,
  l.currency,
  l.piece,
  l.invoiceNumber,
  l.dueDate,
];

const entryValues = (e: EntryRecord): EntryValues => [
  e.provider,
  e.companyId,
  e.providerId,
  e.type,
  e.journal.code,
  e.journal.label,
  e.journal.type,
  e.date,
  e.lines.map(lineValues),
  e.documentIds,
];

/** A stored line back as a record; anything `lineValues` did not make is returned as is, for the schema. */
function lineOf(stored: unknown): unknown {
  if (!Array.isArray(stored)) return stored;
  const v = stored as LineValues;
  return {
    account: { number: v[0], name: v[1] },
    label: v[2],
    debit: v[3],
    credit: v[4],
    currency: v[5],
    piece: v[6],
    invoiceNumber: v[7],
    dueDate: v[8],
  };
}

/** Values read back (trusted from this instance, else checked by the schema after): the record. */
function entryOf(stored: unknown): SnapshotRow<EntryRecord> {
  if (!Array.isArray(stored)) return stored as SnapshotRow<EntryRecord>;
  const v = stored as EntryValues;
  return {
    provider: v[0],
    companyId: v[1],
    providerId: v[2],
    type: v[3],
    journal: { code: v[4], label: v[5], type: v[6] },
    date: v[7],
    lines: (Array.isArray(v[8]) ? v[8].map(lineOf) : v[8]) as EntryLineRecord[],
    documentIds: v[9],
  };
}

/** An entry snapshot's rows: each entry as arrays of values, bad rows as markers. */
export const entryRowFormat: RowFormat<SnapshotRow<EntryRecord>> = {
  version: 'entry-1',
  schema: snapshotRowSchema(entryRecordSchema),
  toValues: (row) => (isStoredBadRow(row) ? row : entryValues(row)),
  fromValues: entryOf,
};
