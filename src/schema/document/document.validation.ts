/**
 * DocumentFilter rules: known type and status, createdFrom ≤ createdTo within 12 months. Errors name
 * `filter.<field>`.
 */
import { z } from 'zod';
import type { DocumentFilter } from '../../providers/types';
import { isoDate, parseInput, windowIssue, withoutNulls } from '../common/validation';

const documentFilterShape = z
  .object({
    type: z.enum(['SALES_INVOICE', 'PURCHASE_INVOICE', 'OTHER']).nullish(),
    status: z
      .enum(['RECEIVED', 'TO_REVIEW', 'PROCESSING', 'DUPLICATE', 'DONE', 'MANUAL_PROCESSING', 'DELETED'])
      .nullish(),
    createdFrom: isoDate.nullish(),
    createdTo: isoDate.nullish(),
  })
  .superRefine((f, ctx) => {
    const issue = windowIssue(f.createdFrom, f.createdTo, 'createdFrom');
    if (issue) ctx.addIssue({ code: 'custom', path: ['createdTo'], message: issue });
  });

export function validateDocumentFilter(filter: unknown): DocumentFilter {
  return withoutNulls(parseInput(documentFilterShape, filter, 'filter'));
}
