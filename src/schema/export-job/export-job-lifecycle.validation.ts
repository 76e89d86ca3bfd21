/**
 * UpdateExportJobStatusInput and UpdateExportJobItemsInput rules, checked before execution
 * (src/schema/common/argument-checks.ts) and again by the service: errors name `input.<field>`, e.g.
 * `input.items.3.status`. At most MAX_EXPORT_JOB_ITEM_UPDATES items, counted before anything else.
 */
import { z } from 'zod';
import { decodeGlobalIdOf, type GlobalId } from '../../domain/ids';
import { BadUserInputError } from '../../errors';
import type {
  ExportJobItemUpdate,
  UpdateExportJobItemsRequest,
  UpdateExportJobStatusRequest,
} from '../../providers/types';
import { parseInput, withoutNulls } from '../common/validation';

/** Pleo's cap on one item update (its 413 EXPORT_JOB_ITEMS_UPDATE_LIMIT). */
export const MAX_EXPORT_JOB_ITEM_UPDATES = 100;

const failureReason = z.string().min(1).max(1000);
const onlyWhenFailed = 'only a FAILED one takes it';

const statusShape = z
  .object({
    event: z.enum(['STARTED', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED']),
    failureReason: failureReason.nullish(),
    failureReasonType: z.string().nullish(),
  })
  .refine((i) => i.event === 'FAILED' || i.failureReason == null, {
    path: ['failureReason'],
    message: onlyWhenFailed,
  })
  .refine((i) => i.event === 'FAILED' || i.failureReasonType == null, {
    path: ['failureReasonType'],
    message: onlyWhenFailed,
  });

const itemShape = z
  .object({
    entryId: z.string().min(1),
    status: z.enum(['IN_PROGRESS', 'SUCCESSFUL', 'FAILED'], 'must be IN_PROGRESS, SUCCESSFUL or FAILED'),
    failureReason: failureReason.nullish(),
    externalId: z.string().min(1).max(255).nullish(),
    externalUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .nullish(),
  })
  .refine((i) => i.status === 'FAILED' || i.failureReason == null, {
    path: ['failureReason'],
    message: onlyWhenFailed,
  });

/** The job of `input.exportJobId`. */
export const exportJobOf = (input: { exportJobId?: unknown }) =>
  decodeGlobalIdOf(input.exportJobId as string, ['ExportJob'], 'input.exportJobId');

export function validateUpdateExportJobStatus(
  job: GlobalId,
  input: Record<string, unknown>,
): UpdateExportJobStatusRequest {
  const valid = withoutNulls(parseInput(statusShape, input, 'input'));
  return {
    companyId: job.companyId,
    jobId: job.nativeId,
    event: valid.event!,
    ...(valid.failureReason !== undefined ? { failureReason: valid.failureReason } : {}),
    ...(valid.failureReasonType !== undefined
      ? { failureReasonType: valid.failureReasonType as UpdateExportJobStatusRequest['failureReasonType'] }
      : {}),
  };
}

export function validateUpdateExportJobItems(
  job: GlobalId,
  input: Record<string, unknown>,
): UpdateExportJobItemsRequest {
  const raw = input.items;
  if (Array.isArray(raw) && raw.length > MAX_EXPORT_JOB_ITEM_UPDATES)
    throw new BadUserInputError(
      `input.items: at most ${MAX_EXPORT_JOB_ITEM_UPDATES} items per update; send the rest in another.`,
      'input.items',
    );
  const { items } = parseInput(z.object({ items: z.array(itemShape).min(1) }), { items: raw }, 'input');
  const seen = new Set<string>();
  const updates = items.map((item, i): ExportJobItemUpdate => {
    const field = `input.items.${i}.entryId`;
    const entry = decodeGlobalIdOf(item.entryId, ['Entry'], field);
    if (entry.provider !== job.provider || entry.companyId !== job.companyId)
      throw new BadUserInputError(`${field}: the entry is not one of the job's company.`, field);
    const key = entry.nativeId.toLowerCase();
    if (seen.has(key)) throw new BadUserInputError(`${field}: the entry is already updated above.`, field);
    seen.add(key);
    const rest = withoutNulls({ ...item, entryId: undefined });
    return { ...rest, entryId: entry.nativeId, status: item.status };
  });
  return { companyId: job.companyId, jobId: job.nativeId, items: updates };
}
