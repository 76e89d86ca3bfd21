/** EntryFilter rules: known type, a journal code, from ≤ to. Errors name `filter.<field>`. */
import { z } from 'zod';
import { ENTRY_TYPES, type EntryType } from '../../domain/model';
import type { EntryFilter } from '../../providers/types';
import { isoDate, parseInput, withoutNulls } from '../common/validation';

const entryFilterShape = z
  .object({
    type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]).nullish(),
    journalCode: z.string().trim().min(1).max(20).nullish(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must not be before from' });

export function validateEntryFilter(filter: unknown): EntryFilter {
  return withoutNulls(parseInput(entryFilterShape, filter, 'filter'));
}
