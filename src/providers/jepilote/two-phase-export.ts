/**
 * Jepilote exports that flag their documents (`flagAsExported=1`) without ever losing the file.
 *
 * Why: a flagging export whose answer is lost (reset after Jepilote committed) has flagged its
 * documents, so a retry with `alreadyExported=0` finds nothing left to export: the file is lost.
 * How: two phases over one window fixed at intent time, each checkpointed in the mutation journal.
 * 1. The same export with `flagAsExported=0` produces the file and flags nothing; its answer is
 *    checkpointed as phase 2 leaves. If this answer is lost, nothing was flagged and the retry simply
 *    redoes phase 1.
 * 2. The same request with `flagAsExported=1` flags the window's documents (its own file is not used).
 *    If this answer is lost, the phase-1 file is already recorded: the retry redoes phase 2, which
 *    flags nothing more when it had committed, and returns the phase-1 file.
 * The window's end is fixed at intent time (Jepilote's default is "today"), so a retry on a later
 * day neither widens the file nor flags documents it does not contain. Residual risk: a document
 * created inside the window between the two phases (milliseconds) is flagged without being in the
 * file. The price is a second call per flagging export, and a second, unused file at Jepilote.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MutationJournal } from '../types';
import type { ExportParams } from './client';
import { exportResponse, type JepiloteExportResponse } from './schemas';

export interface ExportOutcome {
  answer: JepiloteExportResponse;
  /** Fixed at intent time, so every retry records the same job. */
  jobId: string;
  at: string;
}

/** Sends one export request, running `beforeDispatch` as it leaves; throws the typed error of a refused one. */
export type SendExport = (
  params: ExportParams,
  beforeDispatch?: () => Promise<void>,
) => Promise<JepiloteExportResponse>;

const checkpointShape = z.object({
  jepiloteExport: z.object({
    jobId: z.string(),
    at: z.string(),
    dateFin: z.string(),
    phase1: exportResponse.optional(),
  }),
});
type Checkpoint = z.infer<typeof checkpointShape>['jepiloteExport'];

/** The job id an earlier attempt fixed at intent time, to look it up in the job log. */
export function previousExportJobId(journal: MutationJournal | undefined): string | null {
  const previous = checkpointShape.safeParse(journal?.previous);
  return previous.success ? previous.data.jepiloteExport.jobId : null;
}

/** Today in France, where Jepilote dates its documents. */
const todayInFrance = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export async function exportWithoutLoss(
  params: ExportParams,
  send: SendExport,
  journal?: MutationJournal,
): Promise<ExportOutcome> {
  if (!params.flagAsExported) {
    return { answer: await send(params), jobId: randomUUID(), at: new Date().toISOString() };
  }
  const previous = checkpointShape.safeParse(journal?.previous);
  const intent: Checkpoint = previous.success
    ? previous.data.jepiloteExport
    : {
        jobId: randomUUID(),
        at: new Date().toISOString(),
        dateFin: params.dateFin ?? todayInFrance(),
      };
  const window: ExportParams = { ...params, dateFin: intent.dateFin, flagAsExported: 0 };
  let phase1 = intent.phase1;
  // Phase 1 flags nothing, so it is redone freely; a phase 2 whose outcome is unknown may still commit.
  if (phase1) journal?.beforeRewrite();
  if (!phase1) {
    await journal?.save({ jepiloteExport: intent });
    phase1 = await send(window);
    // A refused export flagged nothing: there is no phase 2.
    if (!phase1.success || !phase1.file) return { answer: phase1, jobId: intent.jobId, at: intent.at };
  }
  // The notification e-mail was sent for the file returned (phase 1): not again.
  const { emailAddress: _notified, ...flagging } = window;
  const done = { ...intent, phase1 };
  // Saved as phase 2 leaves its queue: its uncertainty window starts at dispatch, and a lost lease stops it unsent.
  const beforeDispatch = journal && (() => journal.save({ jepiloteExport: done }));
  await send({ ...flagging, flagAsExported: 1 }, beforeDispatch);
  return { answer: phase1, jobId: intent.jobId, at: intent.at };
}
