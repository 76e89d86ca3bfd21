/**
 * Exactly once, on any instance: two real gateway processes (and a third, killed) on one real
 * redis-server and the simulators. For each write (Inqom upload, Inqom expense bill, Pleo job, Pleo
 * job event, Jepilote flagged export) one write takes effect at the simulator per key under (a) 40
 * concurrent retries across both instances, (b) Redis stalled (SIGSTOP) longer than the lease while
 * the first attempt waits on the provider, (c) the gateway timing out before the provider commits,
 * (d) the instance killed after its write reached the provider. Leases and windows are short by configuration;
 * nothing asserts elapsed time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { companyGlobalId } from '../../../src/domain/ids';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { FINISH_AFTER_MS } from '../../../src/simulators/pleo/lifecycle';
import { buildGateway, listeningUrl, spawnGateway, type GatewayProcess } from '../../support/gateway-process';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import { collectSecrets, type GatewayConfig } from '../../../src/config';
import { createExportJob, firstCode, uploadDocument } from '../idempotency/mutation-calls';
import { answeredId, settle, writeKinds, type PreparedWrite } from './exactly-once-writes';

interface Instance extends GatewayProcess {
  graphqlUrl: string;
}

let redis: RunningRedis;
let sims: RunningSimulators;
let dir: string;
let a: Instance;
let b: Instance;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A gateway process on the shared Redis; `writeTimeoutMs` differs per instance (see the scenarios). */
async function startInstance(name: string, writeTimeoutMs: number): Promise<Instance> {
  const config = {
    ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
    signingSecret: 'exactly-once-test-signing-secret-0123456789',
    redisUrl: redis.url,
    logLevel: 'info',
    idempotency: { leaseMs: 1_500, waitMs: 15_000, uncertainWindowMs: 6_000 },
    store: { commandTimeoutMs: 400 },
    http: { writeTimeoutMs },
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: path });
  return { ...gateway, graphqlUrl: `${await listeningUrl(gateway)}/graphql` };
}

beforeAll(async () => {
  buildGateway();
  [redis, sims] = await Promise.all([
    startRedisServer({ password: 'exactly-once-redis-password' }),
    startSimulators(),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'gl-exactly-once-'));
  // A waits on slow providers (long write timeout); B gives up on writes early.
  [a, b] = await Promise.all([startInstance('a', 20_000), startInstance('b', 800)]);
}, 180_000);
afterAll(async () => {
  for (const instance of [a, b]) instance?.child.kill('SIGTERM');
  await Promise.all([a?.exited, b?.exited]);
  await sims?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once a simulator holds a request whose body it has read (a slow commit): the write is at the provider. */
async function atProvider(): Promise<void> {
  const held = () =>
    Object.values(sims.simulators).reduce((n, simulator) => n + simulator.delayedRequests, 0);
  while (held() === 0) await sleep(10);
}

/** Every answer that succeeded names the same object, at least one did, and one write took effect. */
async function expectOneWrite(write: PreparedWrite, answers: Awaited<ReturnType<PreparedWrite['send']>>[]) {
  // Count only once no request is held at a simulator: a slow commit may still be on its way.
  const held = () =>
    Object.values(sims.simulators).reduce((n, simulator) => n + simulator.delayedRequests, 0);
  while (held() > 0) await sleep(20);
  const ids = new Set(answers.map(answeredId).filter((id) => id !== null));
  expect(ids.size).toBe(1);
  expect(await write.writes()).toBe(1);
}

const kinds = writeKinds(
  () => sims,
  () => a,
);

describe.each(kinds.map((kind) => [kind.name, kind] as const))('%s, exactly once', (name, kind) => {
  // Pleo runs one job per company at a time: let the previous scenario's job finish first.
  beforeEach(() => (name.startsWith('Pleo') ? sleep(FINISH_AFTER_MS + 200) : undefined));

  it('(a) 40 concurrent retries across both instances', async () => {
    const write = await kind.prepare(0);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => settle(() => write.send(i % 2 ? b : a))),
    );
    answers.forEach((answer) => expect(answer.body.errors).toBeUndefined());
    await expectOneWrite(write, answers);
  }, 90_000);

  it('(b) Redis stalled longer than the lease while the first attempt waits on the provider', async () => {
    const write = await kind.prepare(1);
    write.fault('slow_commit', 4_000);
    const first = write.send(a);
    await atProvider();
    process.kill(redis.pid, 'SIGSTOP');
    let duringStall: Awaited<ReturnType<PreparedWrite['send']>>;
    try {
      duringStall = await write.send(b);
      await sleep(2_000); // past A's 1.5 s lease: its lock expires as soon as Redis runs again
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }
    expect(firstCode(duringStall.body)).toBe('STORE_UNAVAILABLE');
    const retried = await settle(() => write.send(b));
    // A may still be writing its outcome when Redis stalls (a loaded machine shifts that instant): it
    // then answers IDEMPOTENCY_OUTCOME_UNCERTAIN, and its client retries as told. Either way: one write.
    const answered = await first;
    const original =
      firstCode(answered.body) === 'IDEMPOTENCY_OUTCOME_UNCERTAIN'
        ? await settle(() => write.send(a))
        : answered;
    expect(original.body.errors).toBeUndefined();
    expect(retried.body.errors).toBeUndefined();
    await expectOneWrite(write, [original, retried]);
  }, 90_000);

  it('(c) the gateway times out before the provider commits; the retry on the other instance reconciles', async () => {
    const write = await kind.prepare(2);
    write.fault('slow_commit', 2_500);
    const timedOut = await write.send(b);
    expect(firstCode(timedOut.body)).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
    expect(timedOut.body.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    const retried = await settle(() => write.send(a));
    expect(retried.body.errors).toBeUndefined();
    await expectOneWrite(write, [retried, await settle(() => write.send(b))]);
  }, 90_000);

  it('(d) the instance is killed after its write reached the provider', async () => {
    const victim = await startInstance(`victim-${name.replace(/\W/g, '')}`, 20_000);
    const write = await kind.prepare(3);
    write.fault('slow_commit', 2_500);
    const lost = write.send(victim).catch(() => null);
    await atProvider();
    victim.child.kill('SIGKILL');
    await victim.exited;
    await lost;
    const retried = await settle(() => write.send(b));
    expect(retried.body.errors).toBeUndefined();
    await expectOneWrite(write, [retried, await settle(() => write.send(a))]);
  }, 90_000);
});

it('refuses a reused key with the same file name but other bytes, on the other instance', async () => {
  const company = sims.dataset.companiesOf('inqom', 'demo')[0]!;
  const input = { companyId: companyGlobalId('INQOM', company.id), idempotencyKey: randomUUID() };
  const first = await uploadDocument(a, input, { name: 'same.pdf', bytes: `%PDF-1.4 first ${randomUUID()}` });
  expect(first.body.errors).toBeUndefined();
  const other = await uploadDocument(b, input, { name: 'same.pdf', bytes: '%PDF-1.4 other bytes' });
  expect(other.body.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.idempotencyKey',
  });
});

it('puts no credential in any response or log line when providers echo the request in their errors', async () => {
  const jepilote = companyGlobalId('JEPILOTE', sims.dataset.companiesOf('jepilote', 'demo')[0]!.id);
  const pleo = companyGlobalId('PLEO', sims.dataset.companiesOf('pleo', 'demo')[0]!.id);
  const listed = await fetch(a.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($id: ID!) { company(id: $id) { entries(first: 1) { edges { node { id } } } } }',
      variables: { id: pleo },
    }),
  });
  const pleoEntry = (
    (await listed.json()) as { data: { company: { entries: { edges: { node: { id: string } }[] } } } }
  ).data.company.entries.edges[0]!.node.id;
  const echo = { kind: 'echo' as const, status: 400, errorList: true, method: 'POST', times: 2 };
  sims.simulators.jepilote.faults.add({ ...echo, path: '^/export_documents$' });
  sims.simulators.pleo.faults.add({ ...echo, path: '^/v3/export-jobs$' });
  const answers = await Promise.all(
    [a, b].flatMap((gateway) => [
      createExportJob(gateway, { companyId: jepilote, format: 'FEC' }),
      createExportJob(gateway, { companyId: pleo, entryIds: [pleoEntry] }),
    ]),
  );
  answers.forEach((answer) => expect(answer.body.errors?.length).toBeGreaterThan(0));
  const config = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as GatewayConfig;
  const secrets = [...collectSecrets(config), 'exactly-once-redis-password'];
  const haystack = [...answers.map((answer) => JSON.stringify(answer.body)), a.output(), b.output()].join(
    '\n',
  );
  expect(haystack).toMatch(/UPSTREAM_ERROR/);
  for (const secret of secrets) {
    for (const spelling of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])
      expect(haystack.includes(spelling) ? `${secret.slice(0, 4)}… found` : null).toBeNull();
  }
  // Issued provider tokens (echoed in the `authorization` lines) and the echoed header lines themselves.
  expect(haystack).not.toMatch(/Bearer [A-Za-z0-9._~+/-]{16,}/);
  expect(haystack).not.toMatch(/host(: |%3A%20)127\.0\.0\.1/i);
});
