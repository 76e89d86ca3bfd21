/**
 * Redis stalled (SIGSTOP on a real redis-server) at the two store writes around an Inqom upload:
 * - the checkpoint saved as the request body ends, before Inqom can have the whole file: the upload
 *   stops unsent, the client gets STORE_UNAVAILABLE (retryable, as for every keyed mutation refused
 *   before its write), and a retry with the same key uploads once;
 * - the outcome recorded after Inqom stored the file: the client gets the document, and a retry with
 *   the same key gets that same document back, never a second upload.
 */
import { randomUUID } from 'node:crypto';
import { companyGlobalId } from '../../../src/domain/ids';
import { RedisStore } from '../../../src/store/redis-store';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { startStack, type Stack } from '../../support/stack';
import {
  SHORT_UNCERTAINTY,
  UPLOAD_PATH,
  documentsWithChecksum,
  sha1,
  untilCertain,
} from './lost-response-scenarios';
import { firstCode, uploadDocument } from './mutation-calls';

/** A Redis store that stalls the server (SIGSTOP) for the next fenced write whose record matches `stallOn`. */
class StallingStore extends RedisStore {
  stallOn: ((record: string) => boolean) | null = null;
  constructor(
    url: string,
    private readonly redisPid: number,
  ) {
    super({ url, keyPrefix: `test:${randomUUID()}:`, commandTimeoutMs: 300 });
  }
  override async setFenced(key: string, value: string, fence: number, ttlMs?: number): Promise<boolean> {
    if (!this.stallOn?.(value)) return super.setFenced(key, value, fence, ttlMs);
    this.stallOn = null;
    process.kill(this.redisPid, 'SIGSTOP');
    return super.setFenced(key, value, fence, ttlMs);
  }
}

let redis: RunningRedis;
let store: StallingStore;
let stack: Stack;
beforeAll(async () => {
  redis = await startRedisServer();
  store = new StallingStore(redis.url, redis.pid);
  stack = await startStack({
    store,
    configure: (config) => ({ ...config, logLevel: 'silent', idempotency: SHORT_UNCERTAINTY }),
  });
});
afterAll(async () => {
  process.kill(redis.pid, 'SIGCONT');
  await stack?.close();
  await store?.close();
  await redis?.stop();
});

const uploadPosts = () =>
  stack.sims.simulators.inqom.requests.filter(
    (r) => r.method === 'POST' && new RegExp(UPLOAD_PATH).test(r.path),
  ).length;

/** Uploads a new file with a new key while Redis stalls at the record write `stallOn` picks. */
async function uploadStalledAt(label: string, stallOn: (record: string) => boolean) {
  const company = stack.sims.dataset.companiesOf('inqom', 'demo')[0]!;
  const companyId = companyGlobalId('INQOM', company.id);
  const bytes = `%PDF-1.4 ${label} ${randomUUID()}`;
  const input = { companyId, idempotencyKey: randomUUID() };
  const file = { name: `${label}-${randomUUID()}.pdf`, bytes };
  const postsBefore = uploadPosts();
  store.stallOn = stallOn;
  let answer: Awaited<ReturnType<typeof uploadDocument>>;
  try {
    answer = await uploadDocument(stack, input, file);
  } finally {
    process.kill(redis.pid, 'SIGCONT');
  }
  expect(store.stallOn).toBeNull(); // the stall hit the chosen write
  return {
    answer,
    checksum: sha1(bytes),
    retry: () => untilCertain(() => uploadDocument(stack, input, file)),
    /** Ids of the documents Inqom stored with these bytes. */
    stored: async () =>
      (await documentsWithChecksum(stack, companyId, sha1(bytes))).map((edge) => edge.node.id),
    newPosts: () => uploadPosts() - postsBefore,
  };
}

it('answers STORE_UNAVAILABLE when Redis stalls on the checkpoint that ends the upload body, then uploads once', async () => {
  const upload = await uploadStalledAt(
    'checkpoint-stall',
    (record) => record.includes('"state":"pending"') && record.includes('"inqomUpload"'),
  );
  expect(upload.answer.body.errors?.[0]?.extensions).toMatchObject({
    code: 'STORE_UNAVAILABLE',
    retryable: true,
    retryAfterSeconds: expect.any(Number),
  });
  expect(await upload.stored()).toEqual([]);

  const retried = await upload.retry();
  expect(retried.body.errors).toBeUndefined();
  expect(await upload.stored()).toEqual([retried.body.data?.uploadDocument?.id]);
  expect(upload.newPosts()).toBe(1);
});

it('returns the stored document when Redis stalls on recording the outcome; a retry gets it back without uploading again', async () => {
  const upload = await uploadStalledAt('outcome-stall', (record) => record.includes('"state":"done"'));
  expect(upload.answer.body.errors).toBeUndefined();
  const document = upload.answer.body.data?.uploadDocument;
  expect(document).toMatchObject({ checksum: upload.checksum });

  const retried = await upload.retry();
  expect(firstCode(retried.body)).toBeNull();
  expect(retried.body.data?.uploadDocument?.id).toBe(document?.id);
  expect(await upload.stored()).toEqual([document?.id]);
  expect(upload.newPosts()).toBe(1);
});
