/**
 * Writes a FEC (art. A47 A-1 LPF) line by line from a period's ledger lines: the 18 columns, tab
 * separated, CRLF records, YYYYMMDD dates, comma decimals. EcritureNum is sequential per journal in
 * the order entries arrive (the providers' ledger order, by booking date); an entry's lines must be
 * adjacent. EcritureDate is the booking date, PieceDate the document's own (they differ at year end).
 */
import { isThirdPartyAccount } from '../ledger/account-classes';
import type { LedgerMovement } from '../ledger/ledger.model';
import { FEC_COLUMNS, fecAmount } from './columns';

const compact = (iso: string) => iso.replaceAll('-', '');
/** `f`, remembering its last answer: consecutive ledger lines mostly share their dates. */
const rememberLast = (f: (value: string) => string) => {
  let input: string | null = null;
  let output = '';
  return (value: string) => {
    if (value !== input) {
      input = value;
      output = f(value);
    }
    return output;
  };
};
/** Tabs and line breaks inside a field would break the record structure. */
const UNSAFE = /[\t\r\n|]/;
const clean = (value: string | null | undefined) =>
  value ? (UNSAFE.test(value) ? value.replace(/[\t\r\n|]+/g, ' ') : value).trim() : '';

export const FEC_HEADER = `${FEC_COLUMNS.join('\t')}\r\n`;

export class FecRecordWriter {
  private readonly lastNumber = new Map<string, number>();
  private currentKey: string | null = null;
  private currentNumber = 0;
  private readonly bookedOn = rememberLast(compact);
  private readonly documentDate = rememberLast(compact);

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
    const booked = this.bookedOn(m.accountedOn);
    const accountNumber = clean(m.account.number);
    // A negative amount on one side is a positive one on the other (FEC amounts are unsigned).
    const debit = Math.max(m.debit, 0) + Math.max(-m.credit, 0);
    const credit = Math.max(m.credit, 0) + Math.max(-m.debit, 0);
    // The 18 columns in FEC_COLUMNS order, as one template: no per-record object on the bulk path.
    // DateLet stays empty (no provider here dates its lettering, rather than invented). ValidDate is the
    // booking date: drafts never get here (bulk-source.ts) and no route gives a validation day. Montantdevise
    // and Idevise stay empty: the providers give a line's euro amounts only, and its foreign amount is not invented.
    return (
      `${clean(journal)}\t${clean(m.journal.label) || clean(journal)}\t${this.currentNumber}\t${booked}` +
      `\t${accountNumber}\t${accountName}\t${thirdParty ? accountNumber : ''}\t${thirdParty ? accountName : ''}` +
      `\t${clean(m.pieceRef) || clean(m.entryId)}\t${this.documentDate(m.date)}\t${clean(m.label) || accountName}` +
      `\t${fecAmount(debit)}\t${fecAmount(credit)}\t${clean(m.lettering)}\t\t${booked}\t\t\r\n`
    );
  }
}
