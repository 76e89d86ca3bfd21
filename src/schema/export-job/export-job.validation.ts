/**
 * CreateExportJobInput rules: dates in order, a valid e-mail, and each provider's needs (Jepilote a
 * format, entry ids of that very company, the provider's own rules from EXPORT_REQUEST_RULES). Errors
 * name `input.<field>`.
 */
import { z } from 'zod';
import { decodeGlobalIdOf, type GlobalId } from '../../domain/ids';
import { BadUserInputError } from '../../errors';
import { EXPORT_REQUEST_RULES } from '../../providers/export-request-rules';
import type { CreateExportJobRequest } from '../../providers/types';
import { isoDate, parseInput, withoutNulls } from '../common/validation';

const inputShape = z
  .object({
    format: z.enum(['FEC', 'ACD']).nullish(),
    entryIds: z.array(z.string().min(1)).min(1).max(1000).nullish(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
    includeAlreadyExported: z.boolean().nullish(),
    markAsExported: z.boolean().nullish(),
    notifyEmail: z.email('must be an e-mail address').max(254).nullish(),
    employeeId: z.uuid('must be a Pleo user id (a UUID)').nullish(),
    isInteractive: z.boolean().nullish(),
    vendorBasedBookkeeping: z.boolean().nullish(),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { path: ['to'], message: 'must not be before from' });

const PLEO_ONLY = ['employeeId', 'isInteractive', 'vendorBasedBookkeeping'] as const;

/** Validates the input for `company` and returns the provider request (native entry ids). */
export function validateCreateExportJob(company: GlobalId, input: unknown): CreateExportJobRequest {
  const valid = withoutNulls(parseInput(inputShape, input, 'input'));
  if (company.provider === 'JEPILOTE' && !valid.format)
    throw new BadUserInputError('input.format: Jepilote exports need FEC or ACD.', 'input.format');
  if (company.provider !== 'PLEO') {
    const pleoOnly = PLEO_ONLY.find((field) => valid[field] !== undefined);
    if (pleoOnly)
      throw new BadUserInputError(`input.${pleoOnly}: only Pleo export jobs take it.`, `input.${pleoOnly}`);
  }
  const entryIds = valid.entryIds?.map((id, i) => {
    const field = `input.entryIds.${i}`;
    const entry = decodeGlobalIdOf(id, ['Entry'], field);
    if (entry.provider !== company.provider || entry.companyId !== company.companyId) {
      throw new BadUserInputError(`${field}: the entry is not one of this company.`, field);
    }
    return entry.nativeId;
  });
  const request = { ...valid, companyId: company.companyId, ...(entryIds ? { entryIds } : {}) };
  const problem = EXPORT_REQUEST_RULES[company.provider]?.(request);
  if (problem)
    throw new BadUserInputError(`input.${problem.field}: ${problem.message}`, `input.${problem.field}`);
  return request;
}
