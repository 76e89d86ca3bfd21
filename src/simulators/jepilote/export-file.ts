/**
 * Builds the bytes of a Jepilote export. FEC: the ledger entries attached to the selected documents.
 * ACD: a zip with a placeholder `.in` file (no public ACD specification exists — never claim
 * compatibility) and the selected documents' PDFs with their list.
 */
import { zipSync, strToU8 } from 'fflate';
import { writeFec, fecFileName, type FecEntryInput } from '../../fec/writer';
import { fecAmount } from '../../fec/columns';
import type { GenCompany } from '../data/dataset';
import type { GenDocument } from '../data/documents';
import type { GenEntry } from '../data/ledger';
import type { SimulatorDataset } from '../data/dataset';

/** Entries of the company's ledgers whose attached document is selected, in date order. */
export function entriesOfDocuments(
  dataset: SimulatorDataset,
  company: GenCompany,
  documents: GenDocument[],
): GenEntry[] {
  const indexes = new Set(documents.map((d) => d.index));
  const out: GenEntry[] = [];
  for (const exercise of company.exercises) {
    for (const entry of dataset.entries(company, exercise)) {
      if (entry.documentIndex !== null && indexes.has(entry.documentIndex)) out.push(entry);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
}

function toFecEntry(entry: GenEntry): FecEntryInput {
  return {
    journalCode: entry.journal.code,
    journalLabel: entry.journal.label,
    date: entry.date,
    pieceRef: entry.lines[0]?.piece ?? entry.id,
    pieceDate: entry.date,
    validationDate: entry.date,
    lines: entry.lines.map((line) => ({
      accountNumber: line.account.number,
      accountName: line.account.name,
      ...(line.invoiceNumber
        ? {
            auxiliaryNumber: `${line.account.number.slice(0, 3)}${entry.counterParty.slice(0, 6).replace(/\W/g, '')}`,
            auxiliaryName: entry.counterParty,
          }
        : {}),
      label: line.label,
      debit: line.debit,
      credit: line.credit,
      lettering: line.lettering.state === 'complete' ? line.lettering.value : null,
      letteringDate: line.lettering.state === 'complete' ? line.dueDate : null,
    })),
  };
}

/**
 * The FEC is named after the closing date of the exercise it covers, as the law and real exporters
 * name it: the exercise of the last exported entry (else the one holding `to`), not the export day.
 */
export function closingDateOf(company: GenCompany, entries: GenEntry[], to: string): string {
  const last = entries.at(-1)?.date ?? to;
  return company.exercises.find((e) => e.startDate <= last && e.endDate >= last)?.endDate ?? to;
}

export function buildFec(company: GenCompany, entries: GenEntry[], to: string) {
  return {
    fileName: fecFileName(company.siren, closingDateOf(company, entries, to)),
    bytes: Buffer.from(writeFec(entries.map(toFecEntry)), 'utf8'),
  };
}

export function buildAcdZip(
  company: GenCompany,
  entries: GenEntry[],
  documents: GenDocument[],
  stamp: string,
) {
  const lines = ['# GRAND LIVRE SIMULATOR PLACEHOLDER - NOT THE ACD .in SPECIFICATION (none is public)'];
  entries.forEach((entry, n) => {
    for (const line of entry.lines) {
      lines.push(
        [
          n + 1,
          entry.journal.code,
          entry.date.replaceAll('-', ''),
          line.account.number,
          line.label,
          fecAmount(line.debit),
          fecAmount(line.credit),
        ].join(';'),
      );
    }
  });
  const name = `acd_${company.id}_${stamp}`;
  const files: Record<string, Uint8Array> = {
    [`${name}.in`]: strToU8(lines.join('\r\n') + '\r\n'),
    'documents.csv': strToU8(
      ['id;name;checksum', ...documents.map((d) => `${d.id};${d.name};${d.checksum}`)].join('\r\n') + '\r\n',
    ),
  };
  for (const document of documents) files[`documents/${document.name}`] = document.bytes;
  return { name, fileName: `${name}.zip`, bytes: Buffer.from(zipSync(files)) };
}
