/**
 * zod schemas of Pleo's Export API responses. The ExportJob fields are the seed's; accounting entries
 * and items are only partly documented, so only the fields the mapping reads are required here.
 */
import { z } from 'zod';

/** Money in minor units: `{ currency: "EUR", value: 26444 }` is 264.44 EUR. */
const money = z.object({ currency: z.string().min(3), value: z.number().int() });
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO instant');

export const pleoPagination = z.object({
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean().optional(),
  startCursor: z.string().nullable().optional(),
  endCursor: z.string().nullable().optional(),
  total: z.number().int().nullable().optional(),
});

export const pleoAccountingEntryLine = z.object({
  description: z.string().nullable().optional(),
  lineAmount: money,
  netAmount: money.nullable().optional(),
  account: z
    .object({ id: z.string().optional(), name: z.string().nullable().optional(), code: z.string() })
    .nullable(),
  tax: z
    .object({ rate: z.number().nullable().optional(), type: z.string().nullable().optional(), amount: money })
    .nullable()
    .optional(),
});

export const pleoAccountingEntry = z.object({
  id: z.string().min(1),
  companyId: z.string().min(1),
  type: z.string().nullable().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  note: z.string().nullable().optional(),
  accountingEntryLines: z.array(pleoAccountingEntryLine),
});
export type PleoAccountingEntry = z.infer<typeof pleoAccountingEntry>;

/** The seed's 15 `failureReasonType` values. */
export const PLEO_FAILURE_REASON_TYPES = [
  'invalid_configuration',
  'missing_configuration',
  'authentication_failure',
  'accounting_system_authentication_failure',
  'pleo_rate_limit',
  'accounting_system_rate_limit',
  'service_unreachable',
  'accounting_system_unreachable',
  'validation_failure',
  'authorization_failure',
  'integration_unusable',
  'job_expired',
  'service_timeout',
  'accounting_system_timeout',
  'canceled_by_user',
] as const;

export const PLEO_JOB_STATUSES = [
  'pending',
  'in_progress',
  'failed',
  'completed',
  'completed_with_errors',
] as const;

/** The seed's ExportJob. */
export const pleoExportJob = z.object({
  id: z.string().min(1),
  companyId: z.string().min(1),
  status: z.enum(PLEO_JOB_STATUSES),
  createdAt: instant,
  startedAt: instant.nullable().optional(),
  completedAt: instant.nullable().optional(),
  expiredAt: instant.nullable().optional(),
  lastUpdatedAt: instant.nullable().optional(),
  createdBy: z.string().nullable().optional(),
  expiresIn: z.number().int(),
  failureReason: z.string().nullable().optional(),
  failureReasonType: z.enum(PLEO_FAILURE_REASON_TYPES).nullable().optional(),
  isInteractive: z.boolean(),
  numberOfItems: z.number().int().min(0),
  vendorBasedBookkeeping: z.boolean(),
});
export type PleoExportJob = z.infer<typeof pleoExportJob>;

export const PLEO_ITEM_STATUSES = ['pending', 'in_progress', 'successful', 'failed', 'abandoned'] as const;

/** An export job item (its layout is not in the seed: only what the mapping reads is required). */
export const pleoExportJobItem = z.object({
  accountingEntryId: z.string().min(1),
  status: z.string(),
  failureReason: z.string().nullable().optional(),
  externalId: z.string().nullable().optional(),
  externalUrl: z.string().nullable().optional(),
  updatedAt: instant.nullable().optional(),
});
export type PleoExportJobItem = z.infer<typeof pleoExportJobItem>;

/** `PUT /v3/export-jobs/{jobId}/items`: the items updated, and the updates refused one by one. */
export const pleoItemsUpdate = z.object({
  data: z.array(pleoExportJobItem.extend({ status: z.enum(PLEO_ITEM_STATUSES) })),
  errors: z
    .array(z.object({ accountingEntryId: z.string().min(1), type: z.string().nullable().optional() }))
    .nullable()
    .optional(),
});
export type PleoItemsUpdate = z.infer<typeof pleoItemsUpdate>;

/** The events of `POST /v3/export-job-events`. */
export type PleoJobEvent = 'started' | 'completed' | 'completed_with_errors' | 'failed';

/** Pleo's error body; only `type` is relied on (the envelope is not documented). */
export const pleoErrorBody = z.object({
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/),
  message: z.string().optional(),
});

export const pleoPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: pleoPagination });
export const pleoData = <T extends z.ZodType>(item: T) => z.object({ data: item });
