/**
 * A throwaway S3-compatible server for a test file: s3rver (npm, pure Node, runs on Node 20) on a free
 * loopback port over a temporary directory, with one bucket. Chosen over MinIO because it needs no
 * binary or container: `npm ci` is enough for the S3 backend's tests to run everywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface RunningS3 {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'grand-livre-bulk'): Promise<RunningS3> {
  const directory = mkdtempSync(join(tmpdir(), 'gl-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    // s3rver's fixed development key pair.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
