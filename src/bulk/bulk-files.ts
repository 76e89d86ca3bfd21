/**
 * Where this gateway instance keeps its bulk export files: a private directory under
 * `os.tmpdir()/grand-livre-bulk/`, one per instance, removed when the gateway closes. Files are local
 * to the instance that produced them (docs/security.md, Download links); each is deleted once its record expires.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class BulkFiles {
  readonly dir: string;
  private readonly timers = new Set<NodeJS.Timeout>();

  /** @param root parent directory (default `os.tmpdir()/grand-livre-bulk`). */
  constructor(root = join(tmpdir(), 'grand-livre-bulk')) {
    this.dir = join(root, `${process.pid}-${randomBytes(6).toString('hex')}`);
    // 0700: other local users cannot list or read the exports.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** The file of an export; ids are random hex, so the name cannot escape the directory. */
  path(exportId: string, extension: string): string {
    if (!/^[a-f0-9]{16,64}$/.test(exportId)) throw new Error('not a bulk export id');
    return join(this.dir, `${exportId}.${extension}`);
  }

  /** Size in bytes, or null when the file is not (or no longer) here. */
  async size(path: string): Promise<number | null> {
    try {
      return (await stat(path)).size;
    } catch {
      return null;
    }
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** Deletes the file after `ms` (its record's lifetime). */
  expire(path: string, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.remove(path);
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** Removes the directory and everything in it. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
