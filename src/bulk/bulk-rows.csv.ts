/**
 * CSV rows: a header, then one row per movement — or one row per entry line, each carrying its
 * entry's id, type, date and journal (a CSV cannot nest lines). Analytics are JSONL-only.
 */
import { globalIdOf, recordGlobalId } from '../domain/ids';
import type { EntryRecord, MovementRecord } from '../domain/model';
import { formatCents } from '../domain/money';
import { csvLine, csvText, csvValue } from './csv';

export const MOVEMENT_CSV_HEADER = csvLine([
  'id',
  'entryId',
  'date',
  'journalCode',
  'journalLabel',
  'accountNumber',
  'accountName',
  'description',
  'invoiceNumber',
  'dueDate',
  'debit',
  'credit',
  'amount',
  'currency',
  'letteringState',
  'letteringValue',
]);

export function movementCsv(m: MovementRecord): string {
  const entryId = m.entryId === null ? null : globalIdOf('Entry', m.provider, m.companyId, m.entryId);
  return csvLine([
    csvValue(globalIdOf('Movement', m.provider, m.companyId, m.providerId)),
    csvValue(entryId),
    csvValue(m.date),
    csvText(m.journal.code),
    csvText(m.journal.label),
    csvText(m.account?.number ?? null),
    csvText(m.account?.name ?? null),
    csvText(m.description),
    csvText(m.invoiceNumber),
    csvValue(m.dueDate),
    csvValue(formatCents(m.debit)),
    csvValue(formatCents(m.credit)),
    csvValue(formatCents(m.amount)),
    csvText(m.currency),
    csvValue(m.lettering?.state ?? null),
    csvText(m.lettering?.value ?? null),
  ]);
}

export const ENTRY_CSV_HEADER = csvLine([
  'entryId',
  'type',
  'date',
  'journalCode',
  'journalLabel',
  'line',
  'accountNumber',
  'accountName',
  'label',
  'debit',
  'credit',
  'currency',
  'piece',
  'invoiceNumber',
  'dueDate',
]);

export function entryCsv(e: EntryRecord): string {
  const head = [
    csvValue(recordGlobalId('Entry', e)),
    csvValue(e.type),
    csvValue(e.date),
    csvText(e.journal.code),
    csvText(e.journal.label),
  ];
  return e.lines
    .map((line, i) =>
      csvLine([
        ...head,
        csvValue(i + 1),
        csvText(line.account.number),
        csvText(line.account.name),
        csvText(line.label),
        csvValue(formatCents(line.debit)),
        csvValue(formatCents(line.credit)),
        csvText(line.currency),
        csvText(line.piece),
        csvText(line.invoiceNumber),
        csvValue(line.dueDate),
      ]),
    )
    .join('');
}
