/** DocumentFilter rules: known type and status, createdFrom ≤ createdTo. Errors name `filter.<field>`. */
import { z } from 'zod';
import type { DocumentFilter } from '../../providers/types';
import { isoDate, parseInput, withoutNulls } from '../common/validation';

const documentFilterShape = z
  .object({
    type: z.enum(['SALES_INVOICE', 'PURCHASE_INVOICE', 'OTHER']).nullish(),
    status: z
      .enum(['RECEIVED', 'TO_REVIEW', 'PROCESSING', 'DUPLICATE', 'DONE', 'MANUAL_PROCESSING', 'DELETED'])
      .nullish(),
    createdFrom: isoDate.nullish(),
    createdTo: isoDate.nullish(),
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    path: ['createdTo'],
    message: 'must not be before createdFrom',
  });

export function validateDocumentFilter(filter: unknown): DocumentFilter {
  return withoutNulls(parseInput(documentFilterShape, filter, 'filter'));
}
