/**
 * Writes a FEC (Fichier des Écritures Comptables): tab-separated, header line of the 18 columns,
 * dates YYYYMMDD, comma decimals, EcritureNum continuous in chronological order, CRLF records.
 */
import { FEC_COLUMNS, fecAmount, type FecColumn } from './columns';

export interface FecLineInput {
  accountNumber: string;
  accountName: string;
  auxiliaryNumber?: string;
  auxiliaryName?: string;
  label: string;
  debit: number;
  credit: number;
  lettering?: string | null;
  letteringDate?: string | null;
}

export interface FecEntryInput {
  journalCode: string;
  journalLabel: string;
  /** ISO dates `YYYY-MM-DD`. */
  date: string;
  pieceRef: string;
  pieceDate: string;
  validationDate: string;
  lines: FecLineInput[];
}

const compact = (iso: string) => iso.replaceAll('-', '');
/** Tabs and line breaks inside a field would break the record structure. */
const clean = (value: string) => value.replace(/[\t\r\n|]+/g, ' ').trim();

/** Entries are numbered in the order given, which must be chronological (callers sort). */
export function writeFec(entries: FecEntryInput[]): string {
  const rows: string[] = [FEC_COLUMNS.join('\t')];
  entries.forEach((entry, index) => {
    for (const line of entry.lines) {
      const record: Record<FecColumn, string> = {
        JournalCode: clean(entry.journalCode),
        JournalLib: clean(entry.journalLabel),
        EcritureNum: String(index + 1),
        EcritureDate: compact(entry.date),
        CompteNum: clean(line.accountNumber),
        CompteLib: clean(line.accountName),
        CompAuxNum: clean(line.auxiliaryNumber ?? ''),
        CompAuxLib: clean(line.auxiliaryName ?? ''),
        PieceRef: clean(entry.pieceRef),
        PieceDate: compact(entry.pieceDate),
        EcritureLib: clean(line.label),
        Debit: fecAmount(line.debit),
        Credit: fecAmount(line.credit),
        EcritureLet: clean(line.lettering ?? ''),
        DateLet: line.lettering && line.letteringDate ? compact(line.letteringDate) : '',
        ValidDate: compact(entry.validationDate),
        Montantdevise: '',
        Idevise: '',
      };
      rows.push(FEC_COLUMNS.map((column) => record[column]).join('\t'));
    }
  });
  return rows.join('\r\n') + '\r\n';
}

/** `<SIREN>FEC<closing date YYYYMMDD>.txt`. */
export const fecFileName = (siren: string, closingDate: string) => `${siren}FEC${compact(closingDate)}.txt`;
