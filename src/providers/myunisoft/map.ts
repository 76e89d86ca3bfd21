/** MyUnisoft JSON → the unified model. Float euros become integer cents here, and nowhere else. */
import type {
  AnalyticAllocationRecord,
  CompanyRecord,
  EntryLineRecord,
  EntryRecord,
  EntryType,
  ExerciseRecord,
  JournalRecord,
  LetteringState,
  MovementRecord,
} from '../../domain/model';
import { rowName, upstreamCents } from '../upstream-amount';
import { AccountObject, JournalObject, LetteringObject, MovementObject } from '../../domain/movement-objects';
import { UpstreamBadDataError } from '../../errors';
import { movementNativeId } from './movement-ids';
import {
  legacyEntrySchema,
  type LegacyEntry,
  type LegacyLine,
  type MadEntry,
  type MadExercise,
  type MadMovement,
  type MadMovementCore,
  type Society,
} from './schemas';

export type LegacyEntryCode = 'E' | 'O' | 'IB' | 'M' | 'EXT' | 'L';

export const ENTRY_TYPE_BY_CODE: Record<LegacyEntryCode, EntryType> = {
  E: 'ENTRY',
  O: 'PENDING_OCR',
  IB: 'BANK_INTEGRATION',
  M: 'MANUAL',
  EXT: 'REVERSAL',
  L: 'LETTERING',
};
export const CODE_BY_ENTRY_TYPE = Object.fromEntries(
  Object.entries(ENTRY_TYPE_BY_CODE).map(([code, type]) => [type, code]),
) as Record<EntryType, LegacyEntryCode>;

/** Legacy diaries give MyUnisoft's internal type code; MAD gives its name. The model keeps the name. */
const JOURNAL_TYPE_NAMES: Record<string, string> = {
  ACH: 'Achat',
  VTE: 'Vente',
  BQ: 'Banque',
  CAISSE: 'Caisse',
  OD: 'OD',
  OD_AUDIT: 'OD Audit',
  A_EXT: 'À extourner',
  EXT: 'Extourne',
  AN: 'À Nouveaux',
  OD_PAIE: 'OD Paie',
  OD_LET: 'OD Lettrage',
  NFD: 'Note de Frais',
  NDF: 'Note de Frais',
  OD_DECL_FISCALE: 'OD TVA',
  OD_EXC: 'OD Extracomptable',
  RBAL: 'Reprise Balance',
};

const LETTERING: Record<'none' | 'partial' | 'complete', LetteringState> = {
  none: 'NONE',
  partial: 'PARTIAL',
  complete: 'COMPLETE',
};

export const badRow = (row: string, reason: string) => new UpstreamBadDataError('MYUNISOFT', row, reason);

/** Float euros → cents; an amount MyUnisoft should not send (3 decimals, not finite) is a bad row. */
function cents(value: number, row: string): number {
  // Fast path, exact: a double read from "12.34" is the one nearest 1234 / 100, which division rounds to.
  const scaled = Math.round(value * 100);
  if (Number.isSafeInteger(scaled) && scaled / 100 === value) return scaled === 0 ? 0 : scaled;
  return upstreamCents('MYUNISOFT', value, row);
}

const blankToNull = (value: string | null | undefined): string | null => (value ? value : null);

export function companyFromSociety(society: Society): CompanyRecord {
  // `siret` may hold a 14-digit SIRET or a 9-digit SIREN: the SIREN is its first nine digits.
  const digits = society.siret?.replace(/\s/g, '') ?? '';
  return {
    provider: 'MYUNISOFT',
    providerId: String(society.society_id),
    name: society.name,
    siren: /^\d{9}/.test(digits) ? digits.slice(0, 9) : null,
  };
}

export function exerciseFromMad(companyId: string, exercise: MadExercise): ExerciseRecord {
  return {
    provider: 'MYUNISOFT',
    companyId,
    providerId: exercise.producerId,
    label: exercise.name,
    startDate: exercise.period.start,
    endDate: exercise.period.end,
    closed: exercise.state === 'closed',
  };
}

function legacyLine(line: LegacyLine, row: string): EntryLineRecord {
  return {
    account: { number: line.account.account_number, name: blankToNull(line.account.label) },
    label: blankToNull(line.label),
    debit: cents(line.debit ?? 0, row),
    credit: cents(line.credit ?? 0, row),
    // Type O lines carry no currency: legacy amounts are in the folder's currency, the euro.
    currency: line.currency ?? 'EUR',
    piece: blankToNull(line.piece),
    invoiceNumber: blankToNull(line.piece2),
    dueDate: blankToNull(line.deadline),
  };
}

export function entryFromLegacy(companyId: string, code: LegacyEntryCode, entry: LegacyEntry): EntryRecord {
  const typeCode = entry.diary.diary_type_code;
  return {
    provider: 'MYUNISOFT',
    companyId,
    providerId: String(entry.entry_id),
    type: ENTRY_TYPE_BY_CODE[code],
    journal: {
      code: entry.diary.code,
      label: entry.diary.label,
      type: typeCode ? (JOURNAL_TYPE_NAMES[typeCode] ?? typeCode) : null,
    },
    date: entry.entry_date ?? entry.date_piece,
    lines: entry.entry_list.map((line) => legacyLine(line, rowName('entry', String(entry.entry_id)))),
    documentIds: [],
  };
}

/** A legacy entry, or the bad row naming it when it breaks the seed's shape (e.g. a line's `piece: null`). */
export type EntryRow = EntryRecord | UpstreamBadDataError;

export function legacyEntryRow(companyId: string, code: LegacyEntryCode, value: unknown): EntryRow {
  const id = (value as { entry_id?: unknown } | null)?.entry_id;
  const row = rowName('entry', typeof id === 'number' ? String(id) : id);
  const parsed = legacyEntrySchema.safeParse(value);
  if (!parsed.success)
    return badRow(row, `unexpected shape at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`);
  try {
    return entryFromLegacy(companyId, code, parsed.data);
  } catch (error) {
    if (error instanceof UpstreamBadDataError) return error;
    throw error;
  }
}

/** MAD entries carry no legacy type: their source code names it (E, O, IB, M, EXT, L; FEC, API… are E). */
export function entryTypeFromSource(source: string | undefined): EntryType {
  return ENTRY_TYPE_BY_CODE[source as LegacyEntryCode] ?? 'ENTRY';
}

const madJournal = (journal: MadEntry['journal']): JournalRecord =>
  new JournalObject(journal.customerReferenceCode, journal.name, journal.type);

function madAmounts(movement: MadMovementCore) {
  const row = rowName('movement', movement.producerId);
  const debit = cents(movement.value.debit, row);
  const credit = cents(movement.value.credit, row);
  const amount = cents(movement.value.amount, row);
  if (amount !== credit - debit) throw badRow(row, 'amount is not credit − debit');
  return { debit, credit, amount };
}

export function entryFromMad(companyId: string, entry: MadEntry): EntryRecord {
  const currency = entry.currency?.code ?? null;
  return {
    provider: 'MYUNISOFT',
    companyId,
    providerId: entry.producerId,
    type: entryTypeFromSource(entry.additionalProducerProperties?.source?.name),
    journal: madJournal(entry.journal),
    date: entry.date,
    lines: entry.movements.map((m): EntryLineRecord => {
      const { debit, credit } = madAmounts(m);
      return {
        account: { number: m.account?.number ?? '', name: m.account?.name ?? null },
        label: blankToNull(m.description),
        debit,
        credit,
        currency,
        piece: blankToNull(m.freeNumber),
        invoiceNumber: blankToNull(m.invoiceNumber),
        dueDate: m.dueDate,
      };
    }),
    documentIds: [],
  };
}

function analytics(movement: MadMovementCore): AnalyticAllocationRecord[] {
  const row = rowName('movement', movement.producerId);
  return movement.analytics.map((axis) => ({
    code: axis.code,
    name: axis.name,
    sections: axis.sections.map((s) => ({
      code: s.code,
      name: s.name,
      amount: cents(s.amount, row),
      rate: String(s.rate),
    })),
  }));
}

/** One movement of a `/mad/entry` answer, shaped as `/mad/movements` gives it (with its entry). */
export function movementOfMadEntry(
  companyId: string,
  entry: MadEntry,
  movementId: string,
): MovementRecord | null {
  const movement = entry.movements.find((m) => m.producerId === movementId);
  if (!movement) return null;
  const { movements: _movements, ...entryFields } = entry;
  return movementFromMad(companyId, { ...movement, entry: entryFields });
}

export function movementFromMad(companyId: string, movement: MadMovement): MovementRecord {
  return madMovementRecord(companyId, movement, movement.entry, madJournal(movement.entry.journal));
}

/**
 * The movements of a MAD entry (a full export's item), its journal shared by its movements: no
 * per-movement copy of the entry, as `movementFromMad({ ...movement, entry })` would make.
 */
export function movementsOfMadEntry(companyId: string, entry: MadEntry): MovementRecord[] {
  const journal = madJournal(entry.journal);
  return entry.movements.map((movement) => madMovementRecord(companyId, movement, entry, journal));
}

function madMovementRecord(
  companyId: string,
  movement: MadMovementCore,
  entry: MadMovement['entry'],
  journal: JournalRecord,
): MovementRecord {
  const account = movement.account?.number
    ? new AccountObject(movement.account.number, movement.account.name)
    : null;
  const { debit, credit, amount } = madAmounts(movement);
  // A constructor, not a literal: see movement-objects.ts (a download's records were pretenured).
  return new MovementObject(
    'MYUNISOFT',
    companyId,
    movementNativeId(movement.producerId, entry.producerId),
    entry.producerId,
    entry.date,
    entry.additionalProducerProperties?.accountedAt ?? null,
    journal,
    account,
    blankToNull(movement.description),
    blankToNull(movement.invoiceNumber),
    movement.dueDate,
    debit,
    credit,
    amount,
    entry.currency?.code ?? null,
    movement.lettering
      ? new LetteringObject(LETTERING[movement.lettering.state], movement.lettering.value)
      : null,
    movement.analytics.length === 0 ? [] : analytics(movement),
    blankToNull(movement.freeNumber),
    entryTypeFromSource(entry.additionalProducerProperties?.source?.name),
  );
}
