/**
 * Where bulk export files live, shared by every gateway instance so any of them serves any export's
 * download: a directory (default; one instance, or a volume every instance mounts) or S3-compatible
 * object storage. Bytes are streamed in and out, never held whole in memory.
 */
import type { Readable, Writable } from 'node:stream';

/** Reads a stored file at a position into the caller's buffer. */
export interface BlobReader {
  /** Bytes read into `into` from `position` (0 at the end). */
  read(into: Buffer, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface StoredBlob {
  body: Readable;
  size: number;
  /**
   * A local file's reader into the caller's buffers (absent for object storage): a download then reuses
   * two buffers, where a read stream allocates one per read that only a GC frees.
   */
  openReader?: () => Promise<BlobReader>;
}

/** A blob being written: end `sink` to complete it, destroy it with an error to leave nothing. */
export interface BlobWrite {
  /**
   * Takes the bytes; a write's callback fires once its buffer is no longer referenced, so the writer
   * may reuse it (bulk-file-writer.ts recycles its buffers instead of leaving them to the GC).
   */
  sink: Writable;
  /** Settles once the blob is complete and visible, or rejects when it failed (nothing left). */
  done: Promise<void>;
}

export interface BlobStore {
  /** Streams `body` into `key`; the blob becomes visible only once complete (a failed put leaves nothing). */
  put(key: string, body: Readable): Promise<void>;
  /** The same as `put`, written chunk by chunk with write backpressure from the disk or the upload. */
  openWrite(key: string): BlobWrite;
  /** The blob's bytes, or null when absent (never written, deleted or expired). */
  open(key: string): Promise<StoredBlob | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Keys are `<tenant>/<export id>.<extension>`: checked so that no key escapes its prefix or directory. */
export function assertBlobKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,62}\/[a-f0-9]{16,64}\.[a-z]{2,5}$/.test(key)) throw new Error('not a blob key');
}
