/**
 * Snapshots of listings a provider cannot page (MyUnisoft entries, MAD movement windows): the whole
 * listing is downloaded once, stored on the shared store as serialised chunks for a short TTL, and every
 * page of it reads one or two chunks, so pages 2..n cost no upstream call and no process holds a large
 * listing as objects. Keys start with the tenant: one tenant's snapshot is never found by another.
 * Threat stopped: a cursor (or a guessed snapshot id) of another tenant reading its data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SharedStore } from '../store/types';
import type { WindowCache } from './window-cache';

export interface ListingSnapshotsOptions {
  store: SharedStore;
  tenantId: string;
  /** How long a snapshot serves pages after its download started, in ms (default 60,000). */
  ttlMs?: number;
  /** Records per stored chunk (default 250): a page of 50 reads one chunk, at most two. */
  chunkSize?: number;
  /**
   * Most characters of snapshots this instance keeps written (default 8 Mi, ~8 MB: a window of 30,000
   * movements stored as values): past it, the snapshots it wrote longest ago are deleted before their
   * TTL, and their chunks leave the window cache. A walk of a 500k-movement exercise would otherwise keep
   * a minute of windows (~250 MB) in a memory store; at 24 Mi its walk held 16 MB more (bench/notes.md).
   */
  maxChars?: number;
  /** The instance's checked chunks, shared by all tenants (window-cache.ts); none: every read checks. */
  windows?: WindowCache;
  /**
   * false when `store` is this instance's own memory: a chunk then goes to the store only once the
   * window cache evicts it (default true: other instances read the chunks from the shared store).
   */
  chunksInStore?: boolean;
  /**
   * false when the list cache is off (`cache.listTtlMs: 0`): a new read of a listing downloads it even
   * when another read's snapshot is live; a cursor still reads, or joins the download of, its own.
   */
  reuse?: boolean;
  now?: () => number;
}

/** One stored snapshot, read chunk by chunk; a chunk read back from the store is checked with `schema` once. */
export interface Snapshot<T> {
  /** Random id, named by cursors: a cursor resumes only in the snapshot it was read from. */
  readonly id: string;
  /** When the download began (ISO 8601): the data is at least this fresh. */
  readonly fetchedAt: string;
  readonly count: number;
  /**
   * Set on a snapshot still downloading (`open`/`load` given `need`): `count` is the records stored so
   * far, more may follow, and it reads only those.
   */
  readonly growing?: boolean;
  /** `limit` records from `offset`; null when the snapshot expired meanwhile. */
  read(offset: number, limit: number): Promise<T[] | null>;
  /** Index of the first record matching `test`, or -1 (for resuming in a fresher snapshot). */
  findIndex(test: (record: T) => boolean): Promise<number>;
}

/** The first records of a snapshot still downloading: enough for a first page, before the rest arrives. */
export interface SnapshotHead<T> {
  /** The id the snapshot will have: a cursor naming it resumes once the download is stored. */
  readonly id: string;
  readonly fetchedAt: string;
  readonly rows: readonly T[];
  /** Set once the download has handed over every record (`whole` heads): the snapshot's count. */
  readonly count?: number;
}

/** How often, and how many times, a cursor of a snapshot another instance is storing looks for its record. */
const ELSEWHERE_POLL_MS = 50;
const ELSEWHERE_POLLS = 200;

/** Most records a head holds: one page of the largest size (500) and the record after it. */
const HEAD_ROWS = 501;

/**
 * How a snapshot's rows are stored: checked with `schema` when read back from the shared store, and
 * optionally written as arrays of values (`toValues`), about half the bytes of keyed objects.
 */
export interface RowFormat<T> {
  /**
   * How rows are stored, part of the snapshot's key: during a rolling deploy, instances of two builds
   * share the store, and a build must never read rows another build stored differently. Change it with
   * any change to `toValues` (the format's golden test fails until it is).
   */
  version: string;
  schema: z.ZodType<T>;
  toValues?: (row: T) => unknown;
  /**
   * A stored row back as a record; anything `toValues` did not make is returned as is, for `schema` to
   * judge. `shared` is one per read (a page's rows, a chunk checked): records made for it may share
   * equal parts (a journal, an account, a lettering) instead of each keeping its own copy.
   */
  fromValues?: (stored: unknown, shared: SharedParts) => T;
}

/** What the records of one read share (see RowFormat.fromValues); the format decides what goes in. */
export type SharedParts = Map<unknown, unknown>;

/** A snapshot's rows: their schema alone (stored as they are), or their format. */
export type SnapshotRows<T> = z.ZodType<T> | RowFormat<T>;

const formatOf = <T>(rows: SnapshotRows<T>): RowFormat<T> =>
  'safeParse' in rows ? { version: 'records', schema: rows } : rows;
/** A listing as keyed in the store: its rows' format first (see RowFormat.version). */
const keyedListing = <T>(listing: string, rows: SnapshotRows<T>) => `${formatOf(rows).version}\n${listing}`;

/** A download under way on this instance, with the records it began with. */
interface Loading {
  promise: Promise<Snapshot<unknown>>;
  id: string;
  fetchedAt: string;
  head: unknown[];
  /** Records in chunks already written: what a growing snapshot of this download reads. */
  stored: number;
  /** Called after each batch while the head fills, after each chunk written, and once the download ended. */
  onProgress: Set<() => void>;
  /** Records the download handed over, once it ended (its chunks may still be being written). */
  count?: number;
}

/** What a download hands over as it arrives: batches appended in listing order. */
export type SnapshotWriter<T> = (batch: readonly T[]) => Promise<void>;

const metaSchema = z.object({
  id: z.string(),
  fetchedAt: z.string(),
  count: z.number().int().min(0),
  chunkSize: z.number().int().positive(),
});
type Meta = z.infer<typeof metaSchema>;

const part = (value: string) => encodeURIComponent(value);

interface Written {
  id: string;
  chunks: number;
  chars: number;
  /** When its chunks expire on their own: past it, the entry is only forgotten. */
  expiresAt: number;
}

export class ListingSnapshots {
  private readonly store: SharedStore;
  private readonly tenant: string;
  readonly ttlMs: number;
  private readonly chunkSize: number;
  private readonly now: () => number;
  private readonly loading = new Map<string, Loading>();
  private readonly maxChars: number;
  private readonly windows: WindowCache | undefined;
  private readonly chunksInStore: boolean;
  private readonly reuse: boolean;
  /** What this instance wrote, oldest first: meta key → the snapshot's id, chunk count and size. */
  private readonly written = new Map<string, Written>();
  private writtenChars = 0;

  constructor(options: ListingSnapshotsOptions) {
    this.store = options.store;
    this.tenant = part(options.tenantId);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.chunkSize = options.chunkSize ?? 250;
    this.now = options.now ?? Date.now;
    this.maxChars = options.maxChars ?? 8 * 1024 * 1024;
    this.windows = options.windows;
    this.chunksInStore = options.chunksInStore ?? true;
    this.reuse = options.reuse ?? true;
  }

  /**
   * The snapshot `id` of `listing`, or null when it expired or was replaced by a fresher one. `need`: a
   * snapshot still downloading on this instance is handed over growing once it stored `need` records.
   */
  async open<T>(
    listingName: string,
    id: string,
    rows: SnapshotRows<T>,
    need?: number,
  ): Promise<Snapshot<T> | null> {
    const listing = keyedListing(listingName, rows);
    const meta = await this.readMeta(listing);
    if (meta?.id === id) return this.handle(meta, rows, listing);
    if (need === undefined) return null;
    const pending = this.loading.get(this.metaKey(listing));
    if (pending?.id === id) return this.growing(pending, rows, listing, need);
    return meta ? null : this.storedElsewhere(listing, id, rows);
  }

  /**
   * The snapshot `id` of `listing` once its download has ended: the stored one, or the one this instance
   * is still downloading, awaited. Null when it expired or was replaced, is downloading on another
   * instance, or failed: never a part of it, and never a new download.
   */
  async settled<T>(listingName: string, id: string, rows: SnapshotRows<T>): Promise<Snapshot<T> | null> {
    const listing = keyedListing(listingName, rows);
    const meta = await this.readMeta(listing);
    if (meta?.id === id) return this.handle(meta, rows, listing);
    const pending = this.loading.get(this.metaKey(listing));
    if (pending?.id !== id) return null;
    return (pending.promise as Promise<Snapshot<T>>).catch(() => null);
  }

  /**
   * A snapshot another instance is still storing (its first chunk in the shared store, no record yet),
   * once stored: a cursor that reached this instance must not download the window a second time. Null
   * once that chunk is gone (expired), another snapshot took the record, or after ~10 s (a failed download).
   */
  private async storedElsewhere<T>(
    listing: string,
    id: string,
    rows: SnapshotRows<T>,
  ): Promise<Snapshot<T> | null> {
    if (!this.chunksInStore) return null;
    for (let poll = 0; poll < ELSEWHERE_POLLS; poll++) {
      if ((await this.store.get(this.chunkKey(id, 0))) === null) return null;
      await new Promise((resolve) => setTimeout(resolve, ELSEWHERE_POLL_MS));
      const meta = await this.readMeta(listing);
      if (meta) return meta.id === id ? this.handle(meta, rows, listing) : null;
    }
    return null;
  }

  /**
   * The listing's live snapshot, else one made by `download` (concurrent callers on this instance
   * share one download). Chunks are written as batches arrive, the snapshot's record last. `ownId`: the
   * snapshot a cursor named, whose download this read may join even when snapshots are not reused.
   * `need`: a download under way is handed over growing once it stored `need` records, so pages are
   * served while the rest arrives (a walk waited for every window whole: two thirds of its time).
   */
  async load<T>(
    listingName: string,
    rows: SnapshotRows<T>,
    download: (write: SnapshotWriter<T>) => Promise<void>,
    ownId?: string,
    need?: number,
  ): Promise<Snapshot<T>> {
    const listing = keyedListing(listingName, rows);
    const found = await this.live(listing, rows, download, ownId);
    if ('read' in found) return found;
    return need === undefined
      ? (found.promise as Promise<Snapshot<T>>)
      : this.growing(found, rows, listing, need);
  }

  /**
   * As `load`, but while the snapshot is still downloading, its first `headRows` records (at most 501) as
   * soon as they arrived: a first page need not wait for a whole window.
   */
  async loadHead<T>(
    listingName: string,
    rows: SnapshotRows<T>,
    download: (write: SnapshotWriter<T>) => Promise<void>,
    headRows: number,
    options: { whole?: boolean } = {},
  ): Promise<Snapshot<T> | SnapshotHead<T>> {
    const listing = keyedListing(listingName, rows);
    const found = await this.live(listing, rows, download);
    if ('read' in found) return found;
    const wanted = Math.min(headRows, HEAD_ROWS);
    // `whole`: a listing shorter than the head is served as soon as downloaded, before its chunks are written.
    const ready = () => found.head.length >= wanted || (options.whole === true && found.count !== undefined);
    const head = (): SnapshotHead<T> => ({
      id: found.id,
      fetchedAt: found.fetchedAt,
      rows: found.head.slice(0, wanted) as T[],
      ...(found.count !== undefined ? { count: found.count } : {}),
    });
    return this.once(found, ready, head);
  }

  /** The download's records stored so far as a snapshot, once `need` are; the whole one if it ends first. */
  private growing<T>(
    loading: Loading,
    rows: SnapshotRows<T>,
    listing: string,
    need: number,
  ): Promise<Snapshot<T>> {
    const ready = () => loading.stored >= need;
    const meta = () => ({
      id: loading.id,
      fetchedAt: loading.fetchedAt,
      count: loading.stored,
      chunkSize: this.chunkSize,
    });
    return this.once(loading, ready, () => ({ ...this.handle(meta(), rows, listing), growing: true }));
  }

  /** `made()` as soon as `ready()` holds while `loading` runs, else the snapshot it ends with (or its error). */
  private once<T, R>(loading: Loading, ready: () => boolean, made: () => R): Promise<R | Snapshot<T>> {
    if (ready()) return Promise.resolve(made());
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        loading.onProgress.delete(check);
        resolve(made());
      };
      loading.onProgress.add(check);
      (loading.promise as Promise<Snapshot<T>>).then(
        (snapshot) => {
          loading.onProgress.delete(check);
          resolve(snapshot);
        },
        (error: Error) => {
          loading.onProgress.delete(check);
          reject(error);
        },
      );
    });
  }

  /** The listing's stored snapshot, else its download under way on this instance (started when none). */
  private async live<T>(
    listing: string,
    rows: SnapshotRows<T>,
    download: (write: SnapshotWriter<T>) => Promise<void>,
    ownId?: string,
  ): Promise<Snapshot<T> | Loading> {
    const meta = await this.readMeta(listing);
    if (meta && (this.reuse || meta.id === ownId)) return this.handle(meta, rows, listing);
    const key = this.metaKey(listing);
    const pending = this.loading.get(key);
    if (pending && (this.reuse || pending.id === ownId)) return pending;
    const startedAt = this.now();
    const loading: Loading = {
      promise: Promise.resolve(null as unknown as Snapshot<unknown>),
      id: randomBytes(12).toString('base64url'),
      fetchedAt: new Date(startedAt).toISOString(),
      head: [],
      stored: 0,
      onProgress: new Set(),
    };
    loading.promise = this.create(listing, rows, download, loading, startedAt).finally(() => {
      // Without reuse a newer download of the listing may have taken the slot since.
      if (this.loading.get(key) === loading) this.loading.delete(key);
    });
    // A head may be served and nobody wait for the rest: its failure is then the next page's to see.
    loading.promise.catch(() => undefined);
    this.loading.set(key, loading);
    return loading;
  }

  private async create<T>(
    listing: string,
    rows: SnapshotRows<T>,
    download: (write: SnapshotWriter<T>) => Promise<void>,
    loading: Loading,
    startedAt: number,
  ): Promise<Snapshot<T>> {
    const meta: Meta = {
      id: loading.id,
      fetchedAt: loading.fetchedAt,
      count: 0,
      chunkSize: this.chunkSize,
    };
    const { toValues } = formatOf(rows);
    let pending: T[] = [];
    let chars = 0;
    const flush = async () => {
      const chunk = Math.floor(meta.count / meta.chunkSize);
      meta.count += pending.length;
      const text = JSON.stringify(toValues ? pending.map(toValues) : pending);
      chars += text.length;
      const key = this.chunkKey(meta.id, chunk);
      pending = [];
      // Chunks outlive the snapshot's record (its TTL counts from the download's start): never a record without its chunks.
      await this.keep(key, text);
      loading.stored = meta.count;
      for (const wake of [...loading.onProgress]) wake();
    };
    try {
      await download(async (batch) => {
        if (loading.head.length < HEAD_ROWS) {
          loading.head.push(...batch.slice(0, HEAD_ROWS - loading.head.length));
          for (const wake of [...loading.onProgress]) wake();
        }
        for (const record of batch) {
          pending.push(record);
          if (pending.length === meta.chunkSize) await flush();
        }
      });
    } catch (error) {
      // A cursor on another instance waits for a snapshot whose first chunk is stored: none of a failed one.
      await this.dropChunks(meta.id, loading.stored / meta.chunkSize, null);
      throw error;
    }
    loading.count = meta.count + pending.length;
    const waiting = loading.onProgress.size;
    for (const wake of [...loading.onProgress]) wake();
    // A `whole` head just served waits for the listing, not for its last chunk's JSON: written once it answered.
    if (loading.onProgress.size < waiting) await new Promise((resolve) => setImmediate(resolve));
    loading.head = [];
    delete loading.count;
    if (pending.length > 0) await flush();
    const ttlLeft = startedAt + this.ttlMs - this.now();
    // A download slower than the TTL still serves the request that made it, not later ones.
    if (ttlLeft > 0) await this.store.set(this.metaKey(listing), JSON.stringify(meta), ttlLeft);
    await this.remember(this.metaKey(listing), {
      id: meta.id,
      chunks: Math.ceil(meta.count / meta.chunkSize),
      chars,
      expiresAt: this.now() + this.ttlMs,
    });
    return this.handle(meta, rows, listing);
  }

  /**
   * A chunk's JSON, off the heap in the window cache's slabs (its records were checked and mapped from
   * the provider's answer a moment ago: trusted) and in the store, at once or once evicted (chunksInStore).
   */
  private async keep(key: string, text: string): Promise<void> {
    if (!this.windows) return this.store.set(key, text, this.ttlMs);
    if (this.chunksInStore) {
      this.windows.set(key, text, this.ttlMs);
      return this.store.set(key, text, this.ttlMs);
    }
    this.windows.set(key, text, this.ttlMs, (evicted, ttlLeftMs) => {
      void this.store.set(key, evicted, ttlLeftMs).catch(() => undefined);
    });
  }

  /** Counts what was written and deletes the oldest snapshots beyond `maxChars` (the newest always stays). */
  private async remember(key: string, entry: Written): Promise<void> {
    const forget = (oldKey: string, old: Written) => {
      this.written.delete(oldKey);
      this.writtenChars -= old.chars;
    };
    const drop = (old: Written, withRecord: string | null) => this.dropChunks(old.id, old.chunks, withRecord);
    const replaced = this.written.get(key);
    if (replaced) {
      forget(key, replaced);
      // Its record now names the new snapshot: the old chunks can no longer be read.
      await drop(replaced, null);
    }
    this.written.set(key, entry);
    this.writtenChars += entry.chars;
    const now = this.now();
    for (const [oldKey, old] of this.written) {
      if (oldKey === key) break;
      if (old.expiresAt <= now) {
        forget(oldKey, old);
        continue;
      }
      if (this.writtenChars <= this.maxChars) break;
      forget(oldKey, old);
      // Only our own snapshot's record: a fresher one another instance wrote under the key stays.
      const meta = await this.readMetaAt(oldKey);
      await drop(old, meta?.id === old.id ? oldKey : null);
    }
  }

  /** Deletes a snapshot's first `chunks` chunks, here and in the store, and its record when named. */
  private async dropChunks(id: string, chunks: number, record: string | null): Promise<void> {
    const keys = Array.from({ length: chunks }, (_, n) => this.chunkKey(id, n));
    for (const chunkKey of keys) this.windows?.delete(chunkKey);
    if (record) keys.push(record);
    await Promise.all(keys.map((k) => this.store.delete(k).catch(() => undefined)));
  }

  private handle<T>(meta: Meta, rows: SnapshotRows<T>, listing: string): Snapshot<T> {
    const { schema, fromValues } = formatOf(rows);
    const chunks = z.array(schema);
    /** One stored row as a record (a checked record passes as is). */
    const row = (stored: unknown, shared: SharedParts): T =>
      fromValues ? fromValues(stored, shared) : (stored as T);
    /** A chunk's parsed JSON as records (in place); what is not an array is left for `chunks` to refuse. */
    const decode = (parsed: unknown): unknown => {
      const shared: SharedParts = new Map();
      if (fromValues && Array.isArray(parsed))
        for (let i = 0; i < parsed.length; i++) parsed[i] = fromValues(parsed[i], shared);
      return parsed;
    };
    /*
     * A chunk is checked once, when it enters this instance (written here from checked records, or read
     * back from the store), never per page: checking each page's rows again (a zod union per row) made
     * the 500k walk ×2.42 of the raw download where it was ×1.6–1.9 before snapshots (bench/notes.md).
     */
    // Rows as stored: only those a page takes become records (`row`), not the rest of a chunk it straddles.
    const readChunk = async (n: number): Promise<unknown[] | null> => {
      const key = this.chunkKey(meta.id, n);
      const cached = this.windows?.get(key);
      if (cached !== undefined) return JSON.parse(cached) as unknown[];
      const raw = await this.store.get(key);
      if (raw !== null) {
        const checked = chunks.parse(decode(JSON.parse(raw)));
        if (this.windows && this.chunksInStore) this.windows.set(key, raw, this.ttlMs);
        return checked;
      }
      // A chunk evicted before its record (Redis under memory pressure): the snapshot is gone as a whole.
      await this.store.delete(this.metaKey(listing)).catch(() => undefined);
      return null;
    };
    return {
      id: meta.id,
      fetchedAt: meta.fetchedAt,
      count: meta.count,
      read: async (offset, limit) => {
        const out: T[] = [];
        const shared: SharedParts = new Map();
        const end = Math.min(meta.count, offset + limit);
        for (let at = offset; at < end;) {
          const n = Math.floor(at / meta.chunkSize);
          const chunk = await readChunk(n);
          if (!chunk) return null;
          const from = at - n * meta.chunkSize;
          const to = Math.min(chunk.length, from + (end - at));
          for (let i = from; i < to; i++) out.push(row(chunk[i], shared));
          // A chunk shorter than its place says (a foreign writer): stop rather than loop.
          if (to <= from) break;
          at += to - from;
        }
        return out;
      },
      findIndex: async (test) => {
        const total = Math.ceil(meta.count / meta.chunkSize);
        for (let n = 0; n < total; n++) {
          const chunk = await readChunk(n);
          if (!chunk) return -1;
          const shared: SharedParts = new Map();
          const i = chunk.findIndex((stored) => test(row(stored, shared)));
          if (i >= 0) return n * meta.chunkSize + i;
        }
        return -1;
      },
    };
  }

  private readMeta(listing: string): Promise<Meta | null> {
    return this.readMetaAt(this.metaKey(listing));
  }

  private async readMetaAt(key: string): Promise<Meta | null> {
    try {
      const raw = await this.store.get(key);
      if (raw === null) return null;
      const parsed = metaSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // an unreadable record is a miss: the listing is downloaded again
    }
  }

  /** Listing descriptions may hold filter values: hashed, so no caller text shapes a store key. */
  private metaKey(listing: string): string {
    const digest = createHash('sha256').update(listing).digest('base64url');
    return `tenant:${this.tenant}:snapshot:${digest}`;
  }

  private chunkKey(id: string, n: number): string {
    return `tenant:${this.tenant}:snapshot-chunk:${id}:${n}`;
  }
}
