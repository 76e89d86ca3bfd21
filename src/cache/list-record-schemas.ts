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
  type MovementRecord,
  type ProviderName,
} from '../domain/model';

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
});
