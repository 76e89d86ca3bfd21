/** zod schemas of the MyUnisoft answers the connector reads (legacy Windev and MAD v1.0.0). */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const societySchema = z.object({
  society_id: z.number().int(),
  name: z.string(),
  siret: z.string().nullable(),
});
/** Firm access answers a page of societies; company access answers its one society. */
export const societiesSchema = z.union([
  z.object({ society_array: z.array(societySchema), pages_number: z.number().int().nullish() }),
  societySchema,
]);
export type Society = z.infer<typeof societySchema>;

export const madExerciseSchema = z.object({
  producerId: z.string(),
  name: z.string(),
  period: z.object({ start: isoDate, end: isoDate }),
  state: z.enum(['open', 'closed']),
});
export const madExercisesSchema = z.array(madExerciseSchema);
export type MadExercise = z.infer<typeof madExerciseSchema>;

const legacyLineSchema = z.object({
  debit: z.number().optional(),
  credit: z.number().optional(),
  label: z.string(),
  piece: z.string().optional(),
  piece2: z.string().optional(),
  deadline: z.string().optional(),
  currency: z.string().optional(),
  account: z.object({ account_number: z.string(), label: z.string() }),
  line_entry_id: z.number(),
});
export const legacyEntrySchema = z.object({
  entry_id: z.number().int(),
  date_piece: isoDate,
  entry_date: isoDate.optional(),
  diary: z.object({ code: z.string(), label: z.string(), diary_type_code: z.string().optional() }),
  entry_list: z.array(legacyLineSchema),
});
/** The envelope; each entry is checked on its own (legacyEntrySchema) so one bad entry is one bad row. */
export const legacyEntriesSchema = z.object({
  type: z.enum(['E', 'O', 'IB', 'M', 'EXT', 'L']),
  debit_total: z.number(),
  credit_total: z.number(),
  entry_array: z.array(z.unknown()),
});
export type LegacyEntry = z.infer<typeof legacyEntrySchema>;
export type LegacyLine = z.infer<typeof legacyLineSchema>;

const journalRefSchema = z.object({
  customerReferenceCode: z.string(),
  name: z.string(),
  type: z.string().nullable(),
});
const letteringSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none'), value: z.null() }),
  z.object({ state: z.literal('partial'), value: z.string().startsWith('*') }),
  z.object({ state: z.literal('complete'), value: z.string() }),
]);
const analyticsSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string().nullable(),
    sections: z.array(
      z.object({ code: z.string(), name: z.string().nullable(), amount: z.number(), rate: z.number() }),
    ),
  }),
);
const movementCoreSchema = z.object({
  producerId: z.string(),
  description: z.string().nullable(),
  dueDate: isoDate.nullable(),
  freeNumber: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  value: z.object({ credit: z.number(), debit: z.number(), amount: z.number() }),
  account: z.object({ number: z.string().nullable(), name: z.string().nullable() }).nullable(),
  analytics: analyticsSchema.default([]),
  lettering: letteringSchema.nullable().default(null),
});
const entryPropertiesSchema = z.object({
  source: z.object({ name: z.string() }).nullable().optional(),
  accountedAt: isoDate.nullable().optional(),
});

/** One item of `GET /mad/movements`, validated as it streams in. */
export const madMovementSchema = movementCoreSchema.extend({
  entry: z.object({
    producerId: z.string(),
    date: isoDate,
    currency: z.object({ code: z.string() }).nullable(),
    journal: journalRefSchema,
    additionalProducerProperties: entryPropertiesSchema.nullable().optional(),
  }),
});
export type MadMovement = z.infer<typeof madMovementSchema>;
export type MadMovementCore = z.infer<typeof movementCoreSchema>;

/** `GET /mad/entry?id=`. */
export const madEntrySchema = z.object({
  producerId: z.string(),
  date: isoDate,
  currency: z.object({ code: z.string() }).nullable(),
  journal: journalRefSchema,
  movements: z.array(movementCoreSchema),
  additionalProducerProperties: entryPropertiesSchema.nullable().optional(),
});
export type MadEntry = z.infer<typeof madEntrySchema>;
