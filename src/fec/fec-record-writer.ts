/**
 * Writes a FEC (art. A47 A-1 LPF) line by line from a period's ledger lines: the 18 columns, tab
 * separated, CRLF records, YYYYMMDD dates, comma decimals. EcritureNum is sequential per journal in
 * the order entries arrive (the providers' ledger order, by booking date); an entry's lines must be
 * adjacent. EcritureDate is the booking date, PieceDate the document's own (they differ at year end).
 */
import { isThirdPartyAccount } from '../ledger/account-classes';
import type { LedgerMovement } from '../ledger/ledger.model';
import { FEC_COLUMNS, fecAmount, type FecColumn } from './columns';

const compact = (iso: string) => iso.replaceAll('-', '');
/** Tabs and line breaks inside a field would break the record structure. */
const clean = (value: string | null | undefined) => (value ?? '').replace(/[\t\r\n|]+/g, ' ').trim();

export const FEC_HEADER = `${FEC_COLUMNS.join('\t')}\r\n`;

export class FecRecordWriter {
  private readonly lastNumber = new Map<string, number>();
  private currentKey: string | null = null;
  private currentNumber = 0;

  /** The record of one ledger line, CRLF included. */
  write(m: LedgerMovement): string {
    const journal = m.journal.code;
    const key = `${journal}\u0000${m.entryId}`;
    if (key !== this.currentKey) {
      this.currentKey = key;
      this.currentNumber = (this.lastNumber.get(journal) ?? 0) + 1;
      this.lastNumber.set(journal, this.currentNumber);
    }
    const accountName = clean(m.account.name) || clean(m.account.number);
    const thirdParty = isThirdPartyAccount(m.account.number);
    const foreign = m.currency !== null && m.currency !== '' && m.currency !== 'EUR';
    const booked = compact(m.accountedOn);
    const record: Record<FecColumn, string> = {
      JournalCode: clean(journal),
      JournalLib: clean(m.journal.label) || clean(journal),
      EcritureNum: String(this.currentNumber),
      EcritureDate: booked,
      CompteNum: clean(m.account.number),
      CompteLib: accountName,
      CompAuxNum: thirdParty ? clean(m.account.number) : '',
      CompAuxLib: thirdParty ? accountName : '',
      PieceRef: clean(m.pieceRef) || clean(m.entryId),
      PieceDate: compact(m.date),
      EcritureLib: clean(m.label) || accountName,
      Debit: fecAmount(m.debit),
      Credit: fecAmount(m.credit),
      EcritureLet: clean(m.lettering),
      // No provider here dates its lettering: DateLet stays empty rather than invented.
      DateLet: '',
      // Providers give no validation date through these routes: the booking date stands for it.
      ValidDate: booked,
      Montantdevise: foreign ? fecAmount(m.debit || m.credit) : '',
      Idevise: foreign ? clean(m.currency) : '',
    };
    return `${FEC_COLUMNS.map((column) => record[column]).join('\t')}\r\n`;
  }
}
