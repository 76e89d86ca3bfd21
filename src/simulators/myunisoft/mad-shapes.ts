/** Maps the shared generator's ledger to MAD v1.0.0 JSON (movements, entries, journals, accounts, exercises). */
import type { GenCompany, GenExercise } from '../data/dataset';
import type { GenEntry, GenLine } from '../data/ledger';
import { ACCOUNTS, JOURNALS, type GenAccount } from '../data/chart';
import type {
  MadAccount,
  MadAttachments,
  MadEntry,
  MadEntryProperties,
  MadExercice,
  MadJournal,
  MadLettering,
  MadMovement,
} from './mad-types';

/** Cents to MyUnisoft's float euros: 8377 / 100 is the float nearest 83.77, as their JSON carries it. */
export const euros = (cents: number): number => cents / 100;

/** The account's MyUnisoft id: stable per number (the chart is the same for every society here). */
export const accountId = (number: string): number => Number(`9${number}`);

/** Source code of an entry, kept consistent with its legacy type (a type M entry comes from source M). */
export function madSource(entry: GenEntry): string {
  if (entry.type !== 'E') return entry.type;
  return entry.source === 'M' ? 'E' : entry.source;
}

/** MyUnisoft's timestamp day (`dateFilter=myunisoft`). */
export const createdDay = (entry: GenEntry): string =>
  new Date(entry.createdAt * 1000).toISOString().slice(0, 10);

/** Entries awaiting validation are not accounted yet (`dateFilter=accounting` skips them). */
export const accountedAt = (entry: GenEntry): string | null => (entry.draft ? null : entry.bookedOn);

/** Unguessable-enough download token of a document, also used in export file URLs. */
export const documentToken = (company: GenCompany, documentId: string) => `${company.id}-d${documentId}`;

export function entryAttachments(company: GenCompany, entry: GenEntry, baseUrl: string): MadAttachments {
  if (entry.documentIndex === null) return {};
  const document = company.documents[entry.documentIndex];
  if (!document) return {};
  return {
    [document.name]: {
      type: 'URL',
      value: `${baseUrl}/api/ged/ged/document/${documentToken(company, document.id)}/download`,
    },
  };
}

const lettering = (line: GenLine): MadLettering => line.lettering as MadLettering;

function entryProperties(entry: GenEntry, comment: boolean): MadEntryProperties {
  return {
    source: { name: madSource(entry), thirdParty: null },
    partnerMetadata: null,
    comment: comment && entry.documentIndex !== null ? `Justificatif reçu pour ${entry.counterParty}` : null,
    createdAt: entry.createdAt,
    accountedAt: accountedAt(entry),
  };
}

const journalRef = (entry: GenEntry) => ({
  producerId: entry.journal.id,
  customerReferenceCode: entry.journal.code,
  name: entry.journal.label,
  type: entry.journal.type,
});

function movementBase(line: GenLine) {
  return {
    producerId: line.id,
    description: line.label,
    dueDate: line.dueDate,
    freeNumber: null,
    invoiceNumber: line.piece,
    value: { credit: euros(line.credit), debit: euros(line.debit), amount: euros(line.credit - line.debit) },
    attachments: {},
    account: {
      producerId: String(accountId(line.account.number)),
      number: line.account.number,
      name: line.account.name,
    },
    payment: null,
    analytics: line.analytics.map((axis) => ({
      producerId: axis.id,
      code: axis.code,
      name: axis.name,
      sections: axis.sections.map((s) => ({
        producerId: s.id,
        amount: euros(s.amount),
        rate: s.rate,
        code: s.code,
        name: s.name,
      })),
    })),
    lettering: lettering(line),
  };
}

export function madMovement(
  company: GenCompany,
  entry: GenEntry,
  line: GenLine,
  baseUrl: string,
): MadMovement {
  return {
    ...movementBase(line),
    entry: {
      producerId: entry.id,
      date: entry.date,
      dueDate: null,
      currency: { code: 'EUR' },
      journal: journalRef(entry),
      additionalProducerProperties: entryProperties(entry, false),
      attachments: entryAttachments(company, entry, baseUrl),
    },
  };
}

export function madEntry(company: GenCompany, entry: GenEntry, baseUrl: string, comment = false): MadEntry {
  return {
    producerId: entry.id,
    attachments: entryAttachments(company, entry, baseUrl),
    currency: { code: 'EUR' },
    date: entry.date,
    dueDate: null,
    journal: journalRef(entry),
    movements: entry.lines.map(movementBase),
    additionalProducerProperties: entryProperties(entry, comment),
  };
}

/** The four journals every generated ledger uses; ids are per company (see the dataset's journalIds). */
export function madJournals(company: GenCompany): MadJournal[] {
  const ids = company.exercises[0]!.ledger.journalIds;
  return (Object.keys(JOURNALS) as (keyof typeof JOURNALS)[]).map((key) => {
    const journal = JOURNALS[key];
    const bank = journal.typeCode === 'BQ';
    return {
      producerId: ids[key],
      name: journal.label,
      customerReferenceCode: journal.code,
      type: journal.type,
      counterpartAccount: bank ? simplified(ACCOUNTS.bank) : null,
      additionalProducerProperties: { type: journal.typeCode, locked: false },
    };
  });
}

const simplified = (account: GenAccount) => ({
  producerId: String(accountId(account.number)),
  number: account.number,
  name: account.name,
});

export function madAccounts(): MadAccount[] {
  const all: GenAccount[] = Object.values(ACCOUNTS).flat();
  return all
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((account): MadAccount => {
      if (/^4[01]/.test(account.number)) {
        const company = {
          name: account.name,
          SIREN: null,
          CEO: null,
          payment: null,
          address: null,
          ape: null,
          contacts: [],
        };
        return { ...simplified(account), company };
      }
      return { ...simplified(account), correspondanceAccount: null };
    });
}

export function madExercice(exercise: GenExercise): MadExercice {
  return {
    producerId: exercise.id,
    name: exercise.label,
    period: {
      start: exercise.startDate,
      end: exercise.endDate,
      duration: 12,
      closed:
        exercise.closedAt === null
          ? null
          : { at: new Date(exercise.closedAt * 1000).toISOString(), by: null },
    },
    state: exercise.closed ? 'closed' : 'open',
    additionalProducerProperties: { lettering: 'MONO' },
  };
}
