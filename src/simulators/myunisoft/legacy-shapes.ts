/** Legacy (Windev) payloads, typed with MyUnisoft's own `@myunisoft/tsd`: societies, exercises, entries. */
import type { Windev } from '@myunisoft/tsd';
import type { GenCompany, GenExercise } from '../data/dataset';
import type { GenEntry, GenLine } from '../data/ledger';
import { compactDate } from '../data/calendar';
import { accountId, documentToken, euros } from './mad-shapes';

export function societyListEntity(company: GenCompany): Windev.Society.CompanyListEntity {
  const [streetNumber = '1', ...street] = company.address.split(' ');
  return {
    society_id: Number(company.id),
    name: company.name,
    siret: company.siret,
    ape: '6920Z',
    city: company.city,
    address: `${company.address} ${company.zip} ${company.city}`,
    postal_code: company.zip,
    country: 'FRANCE',
    step: 'active',
    status: 'En activité',
    capital: 10_000,
    secured: false,
    analytics: true,
    member_id: 1,
    road_type: null,
    complement: null,
    coordonnee: [],
    address_bis: null,
    companyType: 'PM',
    mail_liasse: null,
    safe_status: false,
    street_name: street.join(' '),
    address_number: Number(streetNumber),
    id_type_company: 1,
    folder_reference: `D${company.id}`,
    insee: '75056',
    enable_quantity: false,
  };
}

/** Legacy exercise: dates are YYYYMMDD. `result` and `ca` (turnover) come from the ledger totals. */
export function legacyExercise(
  exercise: GenExercise,
  totals: { result: number; ca: number },
): Windev.Society.Exercice {
  return {
    exercice_id: Number(exercise.id),
    start_date: compactDate(exercise.startDate),
    end_date: compactDate(exercise.endDate),
    label: exercise.label,
    result: euros(totals.result),
    ca: euros(totals.ca),
    closed: exercise.closed,
    duration: 12,
    closed_at: exercise.closedAt === null ? null : new Date(exercise.closedAt * 1000).toISOString(),
    closed_by: exercise.closed ? 1 : null,
    review_model: { label: 'Standard', id_review_model: 1 },
    lettering_method_id: 1,
  };
}

const account = (line: GenLine) => ({
  account_id: accountId(line.account.number),
  account_number: line.account.number,
  label: line.account.name,
});

/** Debit and credit are optional: MyUnisoft omits the side that is zero. */
function lineAmounts(line: GenLine): { debit?: number; credit?: number } {
  return {
    ...(line.debit ? { debit: euros(line.debit) } : {}),
    ...(line.credit ? { credit: euros(line.credit) } : {}),
  };
}

function lineBase(line: GenLine) {
  return {
    ...lineAmounts(line),
    label: line.label,
    piece: '',
    piece2: line.piece,
    account: account(line),
    ...(line.dueDate ? { deadline: line.dueDate } : {}),
    line_entry_id: Number(line.id),
  };
}

export function entryE(company: GenCompany, entry: GenEntry, blocked: boolean): Windev.Entry.EntryE {
  return {
    diary: {
      id: Number(entry.journal.id),
      code: entry.journal.code,
      label: entry.journal.label,
      diary_type_code: entry.journal.typeCode,
    },
    blocked,
    comment: false,
    entry_id: Number(entry.id),
    date_piece: entry.date,
    entry_date: entry.date,
    entry_list: entry.lines.map((line) => ({
      ...lineBase(line),
      currency: line.currency,
      lettrage: line.lettering.value,
    })),
    etablissement_id: Number(company.id),
  };
}

function pjList(company: GenCompany, entry: GenEntry, baseUrl: string): Windev.Entry.EntryOPJ[] {
  const document = entry.documentIndex === null ? undefined : company.documents[entry.documentIndex];
  if (!document) return [];
  const token = documentToken(company, document.id);
  return [
    {
      name: document.name,
      token,
      etat: true,
      download: `${baseUrl}/api/ged/ged/document/${token}/download`,
      document_id: Number(document.id),
    },
  ];
}

/** Type O (OCR / awaiting validation): no blocked flag, attachments in `pj_list`. */
export function entryO(company: GenCompany, entry: GenEntry, baseUrl: string): Windev.Entry.EntryO {
  const pj = pjList(company, entry, baseUrl);
  return {
    diary: { id: Number(entry.journal.id), code: entry.journal.code, label: entry.journal.label },
    comment: false,
    entry_id: Number(entry.id),
    date_piece: entry.date,
    etablissement_id: Number(company.id),
    alerte: '',
    doublon: false,
    transaction_qonto_id: '',
    entry_origin_partner_id: '',
    pj_list: pj,
    entry_list: entry.lines.map((line) => ({
      ...lineBase(line),
      payment_type: { code: 'VIR', name: 'Virement' },
      pj_list: pj,
    })),
  };
}
