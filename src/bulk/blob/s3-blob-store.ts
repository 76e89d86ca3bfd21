/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, …) through @aws-sdk/client-s3. Puts are streamed
 * multipart uploads (@aws-sdk/lib-storage, 5 MB parts, one in flight: memory stays bounded whatever
 * the file's size); an upload that fails is aborted, so no partial object is left. Expiry is the
 * bucket's lifecycle rule (docs/operations.md, `bulk.storage`) and the records' lifetime.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { assertBlobKey, type BlobStore, type BlobWrite, type StoredBlob } from './blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (default `bulk-exports/`). */
  prefix?: string;
  region: string;
  /** A non-AWS endpoint (MinIO, a local server), with path-style URLs. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Static credentials; absent: the SDK's default chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const PART_BYTES = 5 * 1024 * 1024;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? 'bulk-exports/';
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.keyOf(key), Body: body },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  openWrite(key: string): BlobWrite {
    const body = new PassThrough({ highWaterMark: 256 * 1024 });
    // Each chunk is copied into the upload's stream, so its buffer is free once written; the
    // multipart upload's own parts (PART_BYTES, one in flight) pace the writes through `drain`.
    const sink = new Writable({
      highWaterMark: 256 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        if (body.write(Buffer.from(chunk))) callback();
        else body.once('drain', () => callback());
      },
      final(callback) {
        body.end();
        callback();
      },
      destroy(error, callback) {
        body.destroy(error ?? undefined);
        callback(error);
      },
    });
    const done = this.put(key, body);
    done.catch((error: unknown) => sink.destroy(error as Error));
    // A destroyed sink has already failed the upload (destroy above): its error needs no other listener.
    finished(sink).catch(() => undefined);
    return { sink, done };
  }

  async open(key: string): Promise<StoredBlob | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }),
      );
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private keyOf(key: string): string {
    assertBlobKey(key);
    return this.prefix + key;
  }
}
