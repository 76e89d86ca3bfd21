/**
 * Uploads whose answer may be lost after Inqom stored the file (reset, timeout): a second upload of
 * the same bytes would be stored as a second document (status Duplicate), so a retry must not send it
 * again. As the request body ends — before any answer can be lost — the SHA-1 of the bytes sent
 * (Inqom's own `Checksum`) is checkpointed in the mutation journal; a retry with the same idempotency
 * key first looks for a document of that checksum and name (and, for uploads, the `SourceId` the
 * gateway derives from the key when the caller sets none) created since the first attempt and
 * returns it; finding none, it uploads again only once the attempt's uncertainty window has passed. Residual risk: the same bytes and name uploaded by someone else within the clock-skew
 * margin would be taken for ours.
 */
import { createHash } from 'node:crypto';
import { Transform, pipeline, type Readable } from 'node:stream';
import { z } from 'zod';
import type { MutationJournal } from '../types';
import type { InqomDocument } from './schemas';

/** Tolerated difference between our clock and Inqom's when matching `CreatedAt`. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const checkpointShape = z.object({
  inqomUpload: z.object({
    sha1: z.string(),
    name: z.string(),
    startedAt: z.number(),
    /** The `SourceId` sent (uploads only: expense bills take none). */
    sourceId: z.string().optional(),
    /** The document's id, once Inqom answered it (expense bills, whose document is read back after). */
    documentId: z.string().optional(),
  }),
});
export type UploadCheckpoint = z.infer<typeof checkpointShape>['inqomUpload'];

/** The checkpoint an earlier attempt left, or null (first attempt, or another connector's). */
export function previousUpload(journal: MutationJournal | undefined): UploadCheckpoint | null {
  const parsed = checkpointShape.safeParse(journal?.previous);
  return parsed.success ? parsed.data.inqomUpload : null;
}

/** What an upload's body recorded once it was sent. */
export interface SentUpload {
  checkpoint?: UploadCheckpoint;
}

/**
 * Passes `source` through, hashing it; at its end the checkpoint is saved (and set on `recorded`) before
 * the last byte is released, so the provider cannot have answered (nor the answer be lost) before it is recorded.
 */
export function checkpointedBody(
  source: Readable,
  sent: { name: string; sourceId?: string | undefined },
  journal: MutationJournal,
  recorded: SentUpload = {},
): Readable {
  const hash = createHash('sha1');
  const startedAt = Date.now();
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const sha1 = hash.digest('hex').toUpperCase();
      const { name, sourceId } = sent;
      const checkpoint = { sha1, name, startedAt, ...(sourceId ? { sourceId } : {}) };
      recorded.checkpoint = checkpoint;
      journal.save({ inqomUpload: checkpoint }).then(() => done(), done);
    },
  });
  // pipeline, not pipe: a failed checkpoint destroys the source too, and its error is never left unhandled.
  return pipeline(source, body, () => undefined);
}

/** The day before the first attempt (time zones), as Inqom's `createdFrom` filter wants it. */
export const searchFrom = (upload: UploadCheckpoint): string =>
  new Date(upload.startedAt - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** True when `doc` is what the checkpointed attempt stored. */
export function isCommittedUpload(doc: InqomDocument, upload: UploadCheckpoint): boolean {
  return (
    doc.Checksum?.toUpperCase() === upload.sha1 &&
    doc.Name === upload.name &&
    (upload.sourceId === undefined || doc.SourceId === upload.sourceId) &&
    Date.parse(doc.CreatedAt) >= upload.startedAt - CLOCK_SKEW_MS
  );
}
