/** Validation of `POST /export_documents` bodies, with the seed's parameter names and defaults. */
import { z } from 'zod';

const flag = z
  .union([z.literal(0), z.literal(1), z.boolean()])
  .transform((v) => v === 1 || v === true)
  .default(false);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');

export const exportRequestSchema = z
  .object({
    companyId: z.number().int().positive(),
    format: z.enum(['FEC', 'ACD']),
    emailAddress: z.email().optional(),
    alreadyExported: flag,
    flagAsExported: flag,
    dateDebut: isoDate.optional(),
    dateFin: isoDate.optional(),
  })
  .refine((r) => !r.dateDebut || !r.dateFin || r.dateDebut <= r.dateFin, {
    message: 'dateDebut must not be after dateFin',
    path: ['dateDebut'],
  });

export type ExportRequest = z.infer<typeof exportRequestSchema>;

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
