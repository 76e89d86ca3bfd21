/**
 * zod shapes of the cached lists and snapshots: a value read back from the shared store is checked, not
 * cast. A field added to CompanyRecord or ExerciseRecord fails to compile in cached-session.ts until it
 * is added here; one added to EntryRecord or MovementRecord fails to compile here (`z.ZodType<…>`).
 */
import { z } from 'zod';
import {
  ENTRY_TYPES,
  PROVIDERS,
  type EntryRecord,
  type EntryType,
  type LetteringState,
  type MovementRecord,
  type ProviderName,
} from '../domain/model';
import { digitIdText, isDigitId } from '../domain/digit-ids';
import { AccountObject, JournalObject, LetteringObject, MovementObject } from '../domain/movement-objects';
import type { RowFormat, SharedParts } from './listing-snapshots';
import { isStoredBadRow, snapshotRowSchema, type SnapshotRow } from './snapshot-rows';

const provider = z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]);

export const companiesSchema = z.array(
  z.object({ provider, providerId: z.string(), name: z.string(), siren: z.string().nullable() }),
);

export const exercisesSchema = z.array(
  z.object({
    provider,
    companyId: z.string(),
    providerId: z.string(),
    label: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    closed: z.boolean(),
  }),
);

const journal = z.object({ code: z.string(), label: z.string(), type: z.string().nullable() });
const account = z.object({ number: z.string(), name: z.string().nullable() });
const cents = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An entry read back from a listing snapshot (listing-snapshots.ts). */
export const entryRecordSchema: z.ZodType<EntryRecord> = z.object({
  provider,
  companyId: z.string(),
  providerId: z.string(),
  type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]),
  journal,
  date: isoDate,
  lines: z.array(
    z.object({
      account,
      label: z.string().nullable(),
      debit: cents,
      credit: cents,
      currency: z.string().nullable(),
      piece: z.string().nullable(),
      invoiceNumber: z.string().nullable(),
      dueDate: isoDate.nullable(),
    }),
  ),
  documentIds: z.array(z.string()),
});

/** A movement read back from a listing snapshot. */
export const movementRecordSchema: z.ZodType<MovementRecord> = z.object({
  provider,
  companyId: z.string(),
  providerId: z.string(),
  entryId: z.string().nullable(),
  date: isoDate,
  accountedOn: isoDate.nullable(),
  journal,
  account: account.nullable(),
  description: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  dueDate: isoDate.nullable(),
  debit: cents,
  credit: cents,
  amount: cents,
  currency: z.string().nullable(),
  lettering: z
    .object({ state: z.enum(['NONE', 'PARTIAL', 'COMPLETE']), value: z.string().nullable() })
    .nullable(),
  analytics: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      sections: z.array(
        z.object({ code: z.string(), name: z.string().nullable(), amount: cents, rate: z.string() }),
      ),
    }),
  ),
  piece: z.string().nullable(),
  entryType: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]).nullable(),
});

type MovementRow = SnapshotRow<MovementRecord>;
/** A movement as stored in a snapshot chunk: its values in this order, nested records flattened. */
type MovementValues = [
  ProviderName,
  string,
  string,
  string | number | null,
  string,
  string | null,
  string,
  string,
  string | null,
  [string, string | null] | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
  string | null,
  [LetteringState, string | null] | null,
  MovementRecord['analytics'],
  string | null,
  number | null,
];

/** A short unique id stored as a JSON number: each page parses its chunks again (src/domain/digit-ids.ts). */
const idValue = (id: string | null): string | number | null =>
  id !== null && isDigitId(id) ? Number(id) : id;
/** An id stored by `idValue` back as its string; anything else as is, for the schema to judge. */
const idOf = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? digitIdText(v) : v);

function movementValues(m: MovementRecord): MovementValues {
  return [
    m.provider,
    m.companyId,
    m.providerId,
    idValue(m.entryId),
    m.date,
    m.accountedOn,
    m.journal.code,
    m.journal.label,
    m.journal.type,
    m.account ? [m.account.number, m.account.name] : null,
    m.description,
    m.invoiceNumber,
    m.dueDate,
    m.debit,
    m.credit,
    m.amount,
    m.currency,
    m.lettering ? [m.lettering.state, m.lettering.value] : null,
    m.analytics,
    m.piece,
    m.entryType === null ? null : ENTRY_TYPES.indexOf(m.entryType),
  ];
}

/** An entry type stored as its index in ENTRY_TYPES (a digit, not a word per row); anything else as is. */
const entryTypeOf = (v: unknown) => (typeof v === 'number' ? (ENTRY_TYPES[v] ?? v) : v);

/**
 * The parts a read's movements share: each page parses its chunks again, and without this every row
 * kept its own journal, account, lettering and label strings alive for the page, which V8 promoted
 * to old space (bench/notes.md). Parts are shared only when equal in every field.
 */
class MovementParts {
  private readonly journals = new Map<string, JournalObject>();
  private readonly accounts = new Map<string, AccountObject>();
  private readonly letterings = new Map<LetteringState, LetteringObject>();
  private entryNumber: unknown;
  private entryText: string | null = null;
  // The previous row's label and invoice number: an entry's movements are stored one after another.
  private description: string | null = null;
  private invoiceNumber: string | null = null;

  journal(code: string, label: string, type: string | null): JournalObject {
    const known = this.journals.get(code);
    if (known && known.label === label && known.type === type) return known;
    const made = new JournalObject(code, label, type);
    if (!known) this.journals.set(code, made);
    return made;
  }

  /** A pair stored as `[number, name]` as an account; anything else as is, for the schema to judge. */
  account(v: unknown): unknown {
    if (!Array.isArray(v)) return v;
    const number = v[0] as string;
    const name = v[1] as string | null;
    const known = this.accounts.get(number);
    if (known && known.name === name) return known;
    const made = new AccountObject(number, name);
    if (!known) this.accounts.set(number, made);
    return made;
  }

  /** A pair stored as `[state, value]` as a lettering; anything else as is, for the schema to judge. */
  lettering(v: unknown): unknown {
    if (!Array.isArray(v)) return v;
    const state = v[0] as LetteringState;
    if (v[1] !== null) return new LetteringObject(state, v[1] as string | null);
    let known = this.letterings.get(state);
    if (!known) this.letterings.set(state, (known = new LetteringObject(state, null)));
    return known;
  }

  /** An entry id stored by `idValue` as its string, once for the movements of one entry. */
  entryId(v: unknown): unknown {
    if (v !== this.entryNumber || this.entryText === null) {
      this.entryNumber = v;
      const text = idOf(v);
      this.entryText = typeof text === 'string' ? text : null;
      return text;
    }
    return this.entryText;
  }

  descriptionOf(v: string | null): string | null {
    if (v === this.description) return this.description;
    if (typeof v === 'string') this.description = v;
    return v;
  }

  invoiceNumberOf(v: string | null): string | null {
    if (v === this.invoiceNumber) return this.invoiceNumber;
    if (typeof v === 'string') this.invoiceNumber = v;
    return v;
  }
}

const PARTS = Symbol('movement parts');
const partsOf = (shared: SharedParts): MovementParts => {
  let parts = shared.get(PARTS) as MovementParts | undefined;
  if (!parts) shared.set(PARTS, (parts = new MovementParts()));
  return parts;
};

/** Values read back (trusted from this instance, else checked by the schema after): the record. */
function movementFromValues(stored: unknown, shared: SharedParts): MovementRow {
  if (!Array.isArray(stored)) return stored as MovementRow;
  const v = stored as MovementValues;
  const parts = partsOf(shared);
  return new MovementObject(
    v[0],
    v[1],
    v[2],
    parts.entryId(v[3]) as string | null,
    v[4],
    v[5],
    parts.journal(v[6], v[7], v[8]),
    parts.account(v[9]) as MovementRecord['account'],
    parts.descriptionOf(v[10]),
    parts.invoiceNumberOf(v[11]),
    v[12],
    v[13],
    v[14],
    v[15],
    v[16],
    parts.lettering(v[17]) as MovementRecord['lettering'],
    v[18],
    v[19],
    entryTypeOf(v[20]) as EntryType | null,
  );
}

/** A movement snapshot's rows: each movement as an array of values (about half the bytes), bad rows as markers. */
export const movementRowFormat: RowFormat<MovementRow> = {
  // 2: a movement's piece and entry type added (columns 19 and 20).
  version: 'movement-2',
  schema: snapshotRowSchema(movementRecordSchema),
  toValues: (row) => (isStoredBadRow(row) ? row : movementValues(row)),
  fromValues: movementFromValues,
};
