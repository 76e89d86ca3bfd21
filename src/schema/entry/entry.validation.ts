/** EntryFilter rules: known type, a journal code, from ≤ to within 12 months. Errors name `filter.<field>`. */
import { z } from 'zod';
import { ENTRY_TYPES, type EntryType } from '../../domain/model';
import type { EntryFilter } from '../../providers/types';
import { isoDate, parseInput, windowIssue, withoutNulls } from '../common/validation';

const entryFilterShape = z
  .object({
    type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]).nullish(),
    journalCode: z.string().trim().min(1).max(20).nullish(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
  })
  .superRefine((f, ctx) => {
    const issue = windowIssue(f.from, f.to, 'from');
    if (issue) ctx.addIssue({ code: 'custom', path: ['to'], message: issue });
  });

export function validateEntryFilter(filter: unknown): EntryFilter {
  return withoutNulls(parseInput(entryFilterShape, filter, 'filter'));
}
