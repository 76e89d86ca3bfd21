/**
 * JSONL rows: one JSON object per movement or entry, shaped like the GraphQL types (same field names,
 * global ids, amounts as Decimal strings), so a client reads a bulk file with the types it already has.
 */
import { encodeGlobalId, globalIdOf, recordGlobalId } from '../domain/ids';
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
    analytics: analyticsJson(m),
  };
}

const analyticsJson = (m: MovementRecord) =>
  m.analytics.map((axis) => ({
    code: axis.code,
    name: axis.name,
    sections: axis.sections.map((s) => ({
      code: s.code,
      name: s.name,
      amount: formatCents(s.amount),
      rate: s.rate,
    })),
  }));

/** What JSON.stringify escapes in a string (quote, backslash, control characters) or may (surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify(value): most values need no escape, and quoting them costs a third of the call. */
const str = (value: string | null) =>
  value === null ? 'null' : NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;

/**
 * `JSON.stringify(movementJson(m))` and its line break, written straight from the record: the bulk
 * path's hottest function, it builds no intermediate object (same keys, same order).
 */
export function movementJsonLine(m: MovementRecord): string {
  const journal = `{"code":${str(m.journal.code)},"label":${str(m.journal.label)},"type":${str(m.journal.type)}}`;
  const account =
    m.account === null ? 'null' : `{"number":${str(m.account.number)},"name":${str(m.account.name)}}`;
  const lettering =
    m.lettering === null ? 'null' : `{"state":"${m.lettering.state}","value":${str(m.lettering.value)}}`;
  const analytics = m.analytics.length === 0 ? '[]' : JSON.stringify(analyticsJson(m));
  return (
    `{"id":"${globalIdOf('Movement', m.provider, m.companyId, m.providerId)}"` +
    `,"entryId":${m.entryId === null ? 'null' : `"${globalIdOf('Entry', m.provider, m.companyId, m.entryId)}"`}` +
    `,"date":${str(m.date)},"journal":${journal},"account":${account},"description":${str(m.description)}` +
    `,"invoiceNumber":${str(m.invoiceNumber)},"dueDate":${str(m.dueDate)},"debit":"${formatCents(m.debit)}"` +
    `,"credit":"${formatCents(m.credit)}","amount":"${formatCents(m.amount)}","currency":${str(m.currency)}` +
    `,"lettering":${lettering},"analytics":${analytics}}\n`
  );
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
