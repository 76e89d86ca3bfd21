/** zod schemas of the Pleo simulator's request bodies and query strings. */
import { z } from 'zod';
import { FAILURE_REASON_TYPES, JOB_STATUSES, ITEM_STATUSES } from './jobs';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : ([] as unknown[]).concat(value)),
    z.array(item).optional(),
  );
const single = (value: unknown): unknown => (Array.isArray(value) ? (value[0] as unknown) : value);

/** The seed's CreateExportJob. */
export const createExportJobBody = z.object({
  accountingEntryIds: z.array(z.uuid()).min(1),
  companyId: z.uuid(),
  employeeId: z.uuid().nullable().optional(),
  isInteractive: z.boolean().nullable().optional(),
  options: z.object({ vendorBasedBookkeeping: z.boolean().nullable().optional() }).nullable().optional(),
});

export const exportJobsQuery = z.object({
  company_id: z.preprocess(single, z.uuid()),
  // Both `statuses[]=a&statuses[]=b` and `statuses=a` spellings are read.
  'statuses[]': listOf(z.enum(JOB_STATUSES)),
  statuses: listOf(z.enum(JOB_STATUSES)),
});

export const itemsQuery = z.object({ status: z.preprocess(single, z.enum(ITEM_STATUSES).optional()) });
export const exportItemsQuery = z.object({ job_id: z.preprocess(single, z.uuid()) });
export const companyQuery = z.object({ company_id: z.preprocess(single, z.uuid()) });

/** One item update of `PUT /export-jobs/{id}/items` (the body is an array of these). */
export const itemUpdate = z.object({
  accountingEntryId: z.uuid(),
  status: z.enum(['in_progress', 'successful', 'failed']),
  failureReason: z.string().min(1).nullable().optional(),
  externalId: z.string().min(1).nullable().optional(),
  externalUrl: z.url().nullable().optional(),
});

export const exportJobEventBody = z.object({
  jobId: z.uuid(),
  event: z.enum(['started', 'failed', 'completed', 'completed_with_errors']),
  failureReason: z.string().nullable().optional(),
  failureReasonType: z.enum(FAILURE_REASON_TYPES).nullable().optional(),
});

/** `POST /v1/accounting-entries:search` body; its filters are this simulator's choice (undocumented). */
export const searchBody = z
  .object({
    filters: z.object({ dateFrom: isoDate.optional(), dateTo: isoDate.optional() }).strict().optional(),
  })
  .nullable()
  .optional();

/** The first issue of a failed parse, as a short message for the 400 body. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'Invalid request.';
}
