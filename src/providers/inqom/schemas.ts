/** zod schemas of the Inqom responses the connector reads (PascalCase, as Inqom serves them). */
import { z } from 'zod';

/** `2026-01-01`, `2026-01-01T00:00:00` → `2026-01-01`. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .transform((value) => value.slice(0, 10));
/** .NET may omit the zone of a UTC instant; read such values as UTC. */
const instant = z.string().transform((value, ctx) => {
  const parsed = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(parsed)) {
    ctx.addIssue({ code: 'custom', message: 'not a date-time' });
    return z.NEVER;
  }
  return new Date(parsed).toISOString();
});
const id = z.number().int();

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

export const oauthErrorSchema = z.object({ error: z.string().max(64) });

export const folderSchema = z.object({ Id: id, Name: z.string(), Siren: z.string().nullish() });
export const foldersSchema = z.array(folderSchema);
export type InqomFolder = z.infer<typeof folderSchema>;

export const periodSchema = z.object({
  Id: id,
  Label: z.string().nullish(),
  StartDate: day,
  EndDate: day,
  IsClosed: z.boolean(),
});
export const periodsSchema = z.array(periodSchema);
export type InqomPeriod = z.infer<typeof periodSchema>;

export const entryLineSchema = z.object({
  Id: id,
  EntryId: id,
  DocumentId: id.nullish(),
  Date: day,
  JournalCode: z.string(),
  JournalLabel: z.string().nullish(),
  AccountNumber: z.string(),
  AccountLabel: z.string().nullish(),
  Label: z.string().nullish(),
  PieceRef: z.string().nullish(),
  Debit: z.number(),
  Credit: z.number(),
  Currency: z.string().nullish(),
  DueDate: day.nullish(),
  LetterId: id.nullish(),
});
export const entryLinesSchema = z.array(entryLineSchema);
export type InqomEntryLine = z.infer<typeof entryLineSchema>;

export const entryLinesCountSchema = z.object({
  TotalLinesCount: z.number().int().nonnegative(),
  TotalPagesCount: z.number().int().nonnegative(),
});

export const INQOM_DOCUMENT_TYPES = ['Client', 'Supplier', 'Others'] as const;
export const INQOM_DOCUMENT_STATUSES = [
  'Received',
  'ToReview',
  'Processing',
  'Duplicate',
  'Done',
  'ManualProcessing',
  'Deleted',
] as const;

export const documentSchema = z.object({
  Id: id,
  AccountingFolderId: id,
  Name: z.string(),
  Type: z.enum(INQOM_DOCUMENT_TYPES),
  Size: z.number().nullish(),
  OriginId: id.nullish(),
  /** The seed's own example spells it `OrigineId`. */
  OrigineId: id.nullish(),
  CreatedAt: instant,
  Checksum: z.string().nullish(),
  SourceId: z.string().nullish(),
  Status: z.enum(INQOM_DOCUMENT_STATUSES),
  CounterParty: z.string().nullish(),
  Amount: z.number().nullish(),
  EffectifDate: day.nullish(),
  ThumbUrl: z.string().nullish(),
  DocRef: z.string().nullish(),
  OriginalName: z.string().nullish(),
  StatusReason: z.string().nullish(),
});
export type InqomDocument = z.infer<typeof documentSchema>;

export const documentPageSchema = z.object({
  Items: z.array(documentSchema),
  TotalCount: z.number().int().nonnegative(),
  TotalPages: z.number().int().nonnegative(),
});

const httpUrl = z.url({ protocol: /^https?$/ });
/**
 * The seed's answer table names no field (a bare URL string, the simulator's guess); an object holding
 * the URL in its one field is read too, so either reading of the docs works.
 */
export const publicUrlSchema = z.union([
  httpUrl,
  z
    .record(z.string(), z.unknown())
    .refine((body) => Object.keys(body).length === 1, 'one field')
    .transform((body) => Object.values(body)[0])
    .pipe(httpUrl),
]);
export const expenseBillCreatedSchema = z.object({ DocumentId: id });
