/**
 * One contract, two real backends: a directory and S3 (s3rver, a real S3-compatible server over
 * HTTP). Blobs stream in and out, appear only once complete, and a failed upload leaves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { BlobStore } from '../../../src/bulk/blob/blob-store';
import { DirectoryBlobStore } from '../../../src/bulk/blob/directory-blob-store';
import { S3BlobStore } from '../../../src/bulk/blob/s3-blob-store';
import { startS3Server, type RunningS3 } from '../../support/s3-server';

let s3: RunningS3;
let dir: string;
const opened: BlobStore[] = [];
beforeAll(async () => {
  s3 = await startS3Server();
  dir = mkdtempSync(join(tmpdir(), 'gl-blobs-'));
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await s3.stop();
  rmSync(dir, { recursive: true, force: true });
});

const backends: [string, () => BlobStore][] = [
  ['directory', () => new DirectoryBlobStore({ path: dir })],
  [
    's3',
    () =>
      new S3BlobStore({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        credentials: s3.credentials,
      }),
  ],
];

/** `count` chunks of 64 KiB, generated as read: the source is never whole in memory. */
const chunks = (count: number, failAt?: number) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        if (i === failAt) throw new Error('source failed');
        yield Buffer.alloc(65_536, 97 + (i % 26));
      }
    })(),
  );

let n = 0;
const key = () => `acme/${(++n).toString(16).padStart(32, '0')}.jsonl`;

describe.each(backends)('BlobStore on %s', (_name, open) => {
  let store: BlobStore;
  beforeEach(() => {
    store = open();
    opened.push(store);
  });

  it('streams a blob in and out, multipart-sized, then deletes it', async () => {
    const k = key();
    await store.put(k, chunks(120)); // 7.5 MiB: two S3 parts
    expect(await store.exists(k)).toBe(true);
    const blob = (await store.open(k))!;
    expect(blob.size).toBe(120 * 65_536);
    const body = await text(blob.body);
    expect(body.length).toBe(120 * 65_536);
    expect(body.slice(65_536, 65_537)).toBe('b');
    await store.delete(k);
    expect(await store.open(k)).toBeNull();
    expect(await store.exists(k)).toBe(false);
  });

  it("reads a local file at a position into the caller's buffer; object storage offers only the stream", async () => {
    const k = key();
    await store.put(k, chunks(3));
    const blob = (await store.open(k))!;
    blob.body.destroy();
    if (!(store instanceof DirectoryBlobStore)) return expect(blob.openReader).toBeUndefined();
    const reader = await blob.openReader!();
    const into = Buffer.alloc(4);
    expect(await reader.read(into, 65_535)).toBe(4);
    expect(into.toString()).toBe('abbb');
    expect(await reader.read(into, 3 * 65_536 - 2)).toBe(2);
    expect(await reader.read(into, 3 * 65_536)).toBe(0);
    await reader.close();
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const k = key();
    // The error is the source's, or (s3rver) the refused abort of the multipart upload after it.
    await expect(store.put(k, chunks(100, 90))).rejects.toThrow();
    expect(await store.open(k)).toBeNull();
  });

  it('writes chunk by chunk through openWrite, each buffer free again once its write calls back', async () => {
    const k = key();
    const { sink, done } = store.openWrite(k);
    // One buffer, refilled as soon as the sink calls back: the file shows whether the sink kept it.
    const buffer = Buffer.alloc(65_536);
    for (let i = 0; i < 100; i++) {
      buffer.fill(97 + (i % 26));
      await new Promise<void>((resolve, reject) =>
        sink.write(buffer, (error) => (error ? reject(error) : resolve())),
      );
    }
    sink.end();
    await done;
    const body = await text((await store.open(k))!.body);
    expect(body.length).toBe(100 * 65_536);
    expect([0, 65_536, 99 * 65_536].map((at) => body[at])).toEqual(['a', 'b', 'v']);
  });

  it('leaves nothing behind when a write is destroyed with an error', async () => {
    const k = key();
    const { sink, done } = store.openWrite(k);
    sink.write(Buffer.alloc(65_536, 97));
    sink.destroy(new Error('upstream reset'));
    await expect(done).rejects.toThrow();
    expect(await store.open(k)).toBeNull();
  });

  it('refuses keys that could escape their tenant prefix', async () => {
    await expect(store.open('../etc/passwd')).rejects.toThrow('not a blob key');
    await expect(store.put('acme/../../x.csv', chunks(1))).rejects.toThrow('not a blob key');
  });
});
