/**
 * Export jobs whose creation answer may be lost after Pleo created the job (reset, timeout): a retry
 * must not start a second export of the same entries. As the POST leaves (after any queue wait), the
 * attempt's start time and entry count are checkpointed in the mutation journal; a retry with the same idempotency key first
 * lists the company's newest jobs and, among those created since then with that many items, returns
 * the one whose items are exactly the entries asked (Pleo takes no client reference, so the items are
 * what tells our job from another caller's export of as many entries in the same minutes).
 */
import { z } from 'zod';
import type { MutationJournal } from '../types';
import type { PleoExportJob } from './schemas';

/** Tolerated difference between our clock and Pleo's when matching `createdAt`. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const checkpointShape = z.object({
  pleoExportJob: z.object({ startedAt: z.number(), numberOfItems: z.number().int() }),
});
export type CreateCheckpoint = z.infer<typeof checkpointShape>['pleoExportJob'];

export function previousCreate(journal: MutationJournal | undefined): CreateCheckpoint | null {
  const parsed = checkpointShape.safeParse(journal?.previous);
  return parsed.success ? parsed.data.pleoExportJob : null;
}

/** Records the intent as the POST whose answer could be lost leaves (its `beforeDispatch`). */
export async function checkpointCreate(journal: MutationJournal, numberOfItems: number): Promise<void> {
  await journal.save({ pleoExportJob: { startedAt: Date.now(), numberOfItems } });
}

/** The jobs the checkpointed attempt may have created, among the company's newest (newest first). */
export function createdJobCandidates(
  jobs: readonly PleoExportJob[],
  attempt: CreateCheckpoint,
): PleoExportJob[] {
  return jobs.filter(
    (job) =>
      Date.parse(job.createdAt) >= attempt.startedAt - CLOCK_SKEW_MS &&
      job.numberOfItems === attempt.numberOfItems,
  );
}

/** True when a job's items are exactly `entryIds` (lower-cased, distinct, as the attempt sent them). */
export function exportsExactly(itemEntryIds: readonly string[], entryIds: readonly string[]): boolean {
  const items = new Set(itemEntryIds.map((id) => id.toLowerCase()));
  return items.size === entryIds.length && entryIds.every((id) => items.has(id));
}
