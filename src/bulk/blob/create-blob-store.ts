/** The BlobStore `config.bulk.storage` names; the S3 client is loaded only when it is used. */
import type { GatewayConfig } from '../../config';
import type { BlobStore } from './blob-store';
import { DirectoryBlobStore } from './directory-blob-store';

export function createBlobStore(storage: GatewayConfig['bulk']['storage']): BlobStore {
  if (storage.type === 'directory') return new DirectoryBlobStore(storage.path ? { path: storage.path } : {});
  // Required here: the AWS SDK costs start-up time that directory deployments skip.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3BlobStore } = require('./s3-blob-store') as typeof import('./s3-blob-store');
  const { accessKeyId, secretAccessKey } = storage;
  return new S3BlobStore({
    bucket: storage.bucket,
    region: storage.region,
    prefix: storage.prefix,
    ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  });
}
