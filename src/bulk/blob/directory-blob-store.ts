/**
 * Blobs as files under one directory (default `os.tmpdir()/grand-livre-bulk`): each is written to a
 * `.partial` file and renamed once complete, so a reader never sees half a file. Files older than
 * `maxAgeMs` are ignored and deleted when met. Mode 0700/0600: other local users cannot read a tenant's ledger.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import {
  assertBlobKey,
  type BlobReader,
  type BlobStore,
  type BlobWrite,
  type StoredBlob,
} from './blob-store';

export interface DirectoryBlobStoreOptions {
  /** The directory (default `os.tmpdir()/grand-livre-bulk`); shared by instances that mount it. */
  path?: string;
  /** Age past which a file counts as gone (default 24 h, the records' lifetime). */
  maxAgeMs?: number;
  now?: () => number;
}

export class DirectoryBlobStore implements BlobStore {
  readonly dir: string;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: DirectoryBlobStoreOptions = {}) {
    this.dir = options.path ?? join(tmpdir(), 'grand-livre-bulk');
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  async put(key: string, body: Readable): Promise<void> {
    const { sink, done } = this.openWrite(key);
    await Promise.all([pipeline(body, sink), done]);
  }

  openWrite(key: string): BlobWrite {
    const path = this.pathOf(key);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.${randomBytes(6).toString('hex')}.partial`;
    // fs.WriteStream calls a write back once fs.write has returned: the buffer is free by then. 1 MiB
    // queued before `drain`: at 256 KiB the FEC export peaked 13–16 MB higher (fewer, longer pauses).
    const sink = createWriteStream(partial, { mode: 0o600, highWaterMark: 1024 * 1024 });
    const done = finished(sink).then(
      () => rename(partial, path),
      async (error: unknown) => {
        await rm(partial, { force: true });
        throw error;
      },
    );
    return { sink, done };
  }

  async open(key: string): Promise<StoredBlob | null> {
    const path = this.pathOf(key);
    const size = await this.liveSize(path);
    if (size === null) return null;
    return { body: createReadStream(path), size, openReader: () => openFileReader(path) };
  }

  async exists(key: string): Promise<boolean> {
    return (await this.liveSize(this.pathOf(key))) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.dir, key);
  }

  /** Size of a file young enough to be served; an older one is deleted. */
  private async liveSize(path: string): Promise<number | null> {
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    if (this.now() - info.mtimeMs <= this.maxAgeMs) return info.size;
    await rm(path, { force: true });
    return null;
  }
}

async function openFileReader(path: string): Promise<BlobReader> {
  const handle = await open(path, 'r');
  return {
    read: async (into, position) => (await handle.read(into, 0, into.length, position)).bytesRead,
    close: () => handle.close(),
  };
}
