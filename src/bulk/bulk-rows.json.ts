/**
 * JSONL rows: one JSON object per movement or entry, shaped like the GraphQL types (same field names,
 * global ids, amounts as Decimal strings), so a client reads a bulk file with the types it already has.
 */
import { encodeGlobalId, recordGlobalId } from '../domain/ids';
import type { EntryRecord, MovementRecord } from '../domain/model';
import { formatCents } from '../domain/money';

const entryGlobalId = (record: MovementRecord | EntryRecord, entryId: string) =>
  encodeGlobalId({
    type: 'Entry',
    provider: record.provider,
    companyId: record.companyId,
    nativeId: entryId,
  });

export function movementJson(m: MovementRecord): object {
  return {
    id: recordGlobalId('Movement', m),
    entryId: m.entryId === null ? null : entryGlobalId(m, m.entryId),
    date: m.date,
    journal: m.journal,
    account: m.account,
    description: m.description,
    invoiceNumber: m.invoiceNumber,
    dueDate: m.dueDate,
    debit: formatCents(m.debit),
    credit: formatCents(m.credit),
    amount: formatCents(m.amount),
    currency: m.currency,
    lettering: m.lettering,
    analytics: m.analytics.map((axis) => ({
      code: axis.code,
      name: axis.name,
      sections: axis.sections.map((s) => ({
        code: s.code,
        name: s.name,
        amount: formatCents(s.amount),
        rate: s.rate,
      })),
    })),
  };
}

export function entryJson(e: EntryRecord): object {
  return {
    id: recordGlobalId('Entry', e),
    type: e.type,
    journal: e.journal,
    date: e.date,
    lines: e.lines.map((line) => ({
      account: line.account,
      label: line.label,
      debit: formatCents(line.debit),
      credit: formatCents(line.credit),
      currency: line.currency,
      piece: line.piece,
      invoiceNumber: line.invoiceNumber,
      dueDate: line.dueDate,
    })),
    documentIds: e.documentIds.map((documentId) =>
      encodeGlobalId({
        type: 'Document',
        provider: e.provider,
        companyId: e.companyId,
        nativeId: documentId,
      }),
    ),
  };
}
