/**
 * What an accounting integration reports on a Pleo export job: events (`POST /v3/export-job-events`)
 * and item statuses (`PUT /v3/export-jobs/{jobId}/items`). The job is read first: it must be one of the
 * company the caller named (job ids of another company of the same Pleo account stay NOT_FOUND).
 *
 * An event is a state transition, not a repeatable write: re-posting one whose answer was lost gets a
 * 422 (the job has moved). So, with an idempotency key, the event is checkpointed as its POST leaves;
 * a retry reads the job and, when it already shows the event, answers it without a second POST. Only
 * when it does not (and the earlier attempt can no longer commit: `beforeRewrite`) is the event sent
 * again. An item update sets absolute statuses, so a retry that finds the items not yet as asked may
 * send it again; one that finds them so answers without a second PUT.
 */
import { z } from 'zod';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { ExportJobItemsUpdateRecord, ExportJobRecord } from '../../domain/model';
import type { MutationJournal, UpdateExportJobItemsRequest, UpdateExportJobStatusRequest } from '../types';
import type { PleoClient } from './client';
import { isPleoId } from './export-job-input';
import {
  eventApplied,
  itemEntryId,
  itemMatches,
  mapExportJob,
  mapItemsUpdate,
  pleoFailureReasonType,
  pleoJobEvent,
  toPleoItemUpdate,
} from './map';
import type { PleoExportJob } from './schemas';

const eventCheckpoint = z.object({ pleoJobEvent: z.object({ jobId: z.string(), event: z.string() }) });
const itemsCheckpoint = z.object({ pleoJobItems: z.object({ jobId: z.string() }) });

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface LifecycleDeps {
  client: PleoClient;
  signal?: AbortSignal | undefined;
  /** The job as a record (with its item errors when it completed with errors). */
  toRecord(job: PleoExportJob): Promise<ExportJobRecord>;
  /** Keeps a job just read for the rest of the request (`exportJob` after the mutation). */
  remember(job: PleoExportJob): void;
}

/** The company's job, read now; NOT_FOUND on `input.exportJobId` when absent or another company's. */
async function jobOf(deps: LifecycleDeps, companyId: string, jobId: string): Promise<PleoExportJob> {
  const job = isPleoId(jobId) ? await deps.client.getExportJob(jobId, deps.signal) : null;
  if (!job || !sameId(job.companyId, companyId)) throw new NotFoundError('ExportJob', 'input.exportJobId');
  return job;
}

export async function updatePleoJobStatus(
  deps: LifecycleDeps,
  request: UpdateExportJobStatusRequest,
  journal?: MutationJournal,
): Promise<ExportJobRecord> {
  const before = await jobOf(deps, request.companyId, request.jobId);
  const checkpoint = { pleoJobEvent: { jobId: before.id, event: request.event } };
  if (eventCheckpoint.safeParse(journal?.previous).success) {
    // An earlier attempt posted this event and lost the answer: the job tells whether it took effect.
    if (eventApplied(before, request.event)) {
      deps.remember(before);
      return deps.toRecord(before);
    }
    journal?.beforeRewrite();
  }
  const failure = {
    ...(request.failureReason !== undefined ? { failureReason: request.failureReason } : {}),
    ...(request.failureReasonType !== undefined
      ? { failureReasonType: pleoFailureReasonType(request.failureReasonType) }
      : {}),
  };
  const beforeDispatch = journal && (() => journal.save(checkpoint));
  try {
    await deps.client.postJobEvent(
      before.id,
      pleoJobEvent(request.event),
      failure,
      deps.signal,
      beforeDispatch,
    );
  } catch (error) {
    if (error instanceof BadUserInputError && error.field === 'input.event') {
      throw new BadUserInputError(
        `input.event: the export job is ${mapExportJob(before, []).status}; ${request.event} does not apply to it.`,
        'input.event',
      );
    }
    throw error;
  }
  await journal?.committed(checkpoint);
  const after = await jobOf(deps, request.companyId, before.id);
  deps.remember(after);
  return deps.toRecord(after);
}

export async function updatePleoJobItems(
  deps: LifecycleDeps,
  request: UpdateExportJobItemsRequest,
  journal?: MutationJournal,
): Promise<ExportJobItemsUpdateRecord> {
  const job = await jobOf(deps, request.companyId, request.jobId);
  const checkpoint = { pleoJobItems: { jobId: job.id } };
  if (itemsCheckpoint.safeParse(journal?.previous).success) {
    const items = await deps.client.allJobItems(job.id, undefined, deps.signal);
    const byEntry = new Map(items.map((item) => [itemEntryId(item), item]));
    const done = request.items.every((update) => {
      const item = byEntry.get(update.entryId.toLowerCase());
      return !item || itemMatches(item, update);
    });
    // The earlier PUT went through: the same answer, read back (entries not in the job, as Pleo said).
    if (done)
      return mapItemsUpdate(job.companyId, {
        data: request.items.flatMap((update) => byEntry.get(update.entryId.toLowerCase()) ?? []),
        errors: request.items
          .filter((update) => !byEntry.has(update.entryId.toLowerCase()))
          .map((update) => ({ accountingEntryId: update.entryId, type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST' })),
      });
  }
  const beforeDispatch = journal && (() => journal.save(checkpoint));
  const answer = await deps.client.updateJobItems(
    job.id,
    request.items.map(toPleoItemUpdate),
    deps.signal,
    beforeDispatch,
  );
  await journal?.committed(checkpoint);
  return mapItemsUpdate(job.companyId, answer);
}
