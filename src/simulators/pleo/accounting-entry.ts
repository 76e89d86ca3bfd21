/**
 * A generated ledger entry in Pleo's JSON. Pleo documents an export item's fields (amount in minor
 * units, accountingEntryLines with lineAmount / netAmount / account / tax, supplier, vendor, user,
 * team, files, date, type) but not their exact layout; the layout below is this simulator's choice:
 * - one accountingEntryLine per ledger line, `lineAmount` SIGNED (debit positive, credit negative),
 *   so the lines of an entry sum to zero; VAT lines carry `tax` and `netAmount` 0, the others
 *   `netAmount = lineAmount` and `tax: null` (so `lineAmount = netAmount + tax.amount` always);
 * - `contraAccount` is the third-party or bank account; bank-fee entries (journal OD) have none,
 *   which is what makes an export of them fail with MISSING_CONTRA_ACCOUNTS.
 */
import type { GenCompany } from '../data/dataset';
import type { GenEntry, GenLine } from '../data/ledger';
import { Prng } from '../data/prng';
import type { PleoEntryRef } from './entry-index';

const ENTRY_TYPES: Record<string, string> = {
  AC: 'card_purchase',
  VT: 'invoice',
  BQ: 'bill_payment',
  OD: 'fee',
};
const CONTRA_ACCOUNT_NUMBER: Record<string, string | null> = {
  AC: '401000',
  VT: '411000',
  BQ: '512000',
  OD: null,
};
const VAT_ACCOUNTS = new Set(['445660', '445710']);
const USERS = ['Camille Martin', 'Lucas Bernard', 'Chloé Dubois', 'Hugo Moreau'];
const TEAMS = ['Marketing', 'Sales', 'Operations'];
const FILE_URL_TTL_MS = 24 * 3_600_000;

export interface EntryJsonContext {
  seed: number;
  /** Origin the file URLs point at (the simulator's own). */
  baseUrl: string;
  now: number;
}

const money = (value: number) => ({ currency: 'EUR', value });
const namedId = (seed: number, kind: string, name: string) => Prng.derive(seed, 'pleo', kind, name).uuid();

/** True when the entry can be exported: Pleo refuses entries without a contra account. */
export function hasContraAccount(entry: GenEntry): boolean {
  return CONTRA_ACCOUNT_NUMBER[entry.journal.code] != null;
}

function account(seed: number, company: GenCompany, line: Pick<GenLine, 'account'>) {
  const { number, name } = line.account;
  return { id: namedId(seed, `account:${company.id}`, number), name, code: number };
}

function entryLine(seed: number, company: GenCompany, line: GenLine) {
  const signed = line.debit - line.credit;
  const isVat = VAT_ACCOUNTS.has(line.account.number);
  return {
    id: namedId(seed, 'line', `${company.id}:${line.id}`),
    description: line.label,
    lineAmount: money(signed),
    netAmount: money(isVat ? 0 : signed),
    account: account(seed, company, line),
    tax: isVat ? { rate: 20, type: 'vat', amount: money(signed) } : null,
  };
}

/** The data an accounting entry and an export item share. */
function entryData(ref: PleoEntryRef, entry: GenEntry, ctx: EntryJsonContext) {
  const { company } = ref;
  const rng = Prng.derive(ctx.seed, 'pleo-entry-people', ref.uuid);
  const userName = rng.pick(USERS);
  const teamName = rng.chance(0.75) ? rng.pick(TEAMS) : null;
  const gross = entry.lines.reduce((sum, line) => sum + line.debit, 0);
  const contraNumber = CONTRA_ACCOUNT_NUMBER[entry.journal.code] ?? null;
  const contraLine = entry.lines.find((line) => line.account.number === contraNumber);
  const document = entry.documentIndex === null ? undefined : company.documents[entry.documentIndex];
  const expires = ctx.now + FILE_URL_TTL_MS;
  return {
    type: ENTRY_TYPES[entry.journal.code] ?? 'card_purchase',
    date: `${entry.date}T09:00:00Z`,
    note: entry.lines[0]?.label ?? null,
    amount: { inSupplierCurrency: money(gross), inWalletCurrency: money(gross) },
    accountingEntryLines: entry.lines.map((line) => entryLine(ctx.seed, company, line)),
    contraAccount: contraLine ? account(ctx.seed, company, contraLine) : null,
    supplier: { name: entry.counterParty, countryCode: 'FR' },
    vendor: { id: namedId(ctx.seed, 'vendor', entry.counterParty), name: entry.counterParty },
    user: { id: namedId(ctx.seed, 'user', userName), name: userName },
    team: teamName === null ? null : { id: namedId(ctx.seed, 'team', teamName), name: teamName },
    files: document ? [`${ctx.baseUrl}/files/${company.id}/${document.id}.pdf?expires=${expires}`] : [],
  };
}

/** `GET /v1/accounting-entries/{id}` and the search results. */
export function accountingEntryJson(ref: PleoEntryRef, entry: GenEntry, ctx: EntryJsonContext) {
  return { id: ref.uuid, companyId: ref.company.id, ...entryData(ref, entry, ctx) };
}

/** `GET /v{n}/export-items`: vendor data only when the job asked for vendor-based bookkeeping. */
export function exportItemJson(
  ref: PleoEntryRef,
  entry: GenEntry,
  ctx: EntryJsonContext,
  vendorBased: boolean,
) {
  const data = entryData(ref, entry, ctx);
  return { accountingEntryId: ref.uuid, ...data, vendor: vendorBased ? data.vendor : null };
}
