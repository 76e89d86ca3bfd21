/**
 * The request context as Fastify builds it: once the response is sent, the context holds none of what
 * the request read (shared reads, sessions, cached nodes) and runs the drops other layers registered,
 * so nothing that still points at it keeps a page alive; a client that leaves early aborts the
 * request's upstream calls instead.
 */
import { EventEmitter } from 'node:events';
import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TenantConfig } from '../../../src/config';
import type { GlobalId } from '../../../src/domain/ids';
import type { TaggedNode } from '../../../src/domain/tagged-node';
import type { ProviderConnector } from '../../../src/providers/types';
import type { ConnectorRegistry } from '../../../src/providers/registry';
import type { SharedStore } from '../../../src/store/types';
import { createLogger } from '../../../src/logger';
import { contextFactory } from '../../../src/server/routes/context-factory';
import { fakeConnector } from './fake-connector';

const nodeId: GlobalId = { type: 'Company', provider: 'PLEO', companyId: 'c1', nativeId: 'c1' };

function setup() {
  const { connector } = fakeConnector('PLEO', { companies: [] });
  let sessionsOpened = 0;
  const counted: ProviderConnector = {
    ...connector,
    openSession: (deps) => (sessionsOpened++, connector.openSession(deps)),
  };
  let nodeBatches = 0;
  const create = contextFactory({
    registry: { get: () => new Map([['PLEO', counted]]) } as unknown as ConnectorRegistry,
    store: {} as SharedStore,
    signingSecret: 'x'.repeat(32),
    publicUrl: () => 'http://gateway.test',
    nodeLoader: () =>
      new DataLoader<GlobalId, TaggedNode | null, string>(async (ids) => {
        nodeBatches++;
        return ids.map(() => null);
      }),
    upstreamWaitMs: 1_000,
  });
  const raw = Object.assign(new EventEmitter(), { writableFinished: false });
  const request = {
    id: 'req-1',
    tenant: { id: 'demo' } as TenantConfig,
    log: createLogger('silent'),
  } as unknown as FastifyRequest;
  const context = create(request, { raw } as unknown as FastifyReply);
  return {
    context,
    raw,
    sessionsOpened: () => sessionsOpened,
    nodeBatches: () => nodeBatches,
  };
}

/** Reads a page, opens a session and loads a node through `context`, as a request's resolvers do. */
async function readThrough(context: ReturnType<typeof setup>['context']) {
  const page = { items: ['movement 1', 'movement 2'] };
  const shared = await context.once('page', async () => page);
  const session = context.session('PLEO');
  await context.nodes.load(nodeId);
  return { page, shared, session };
}

describe('context factory', () => {
  it('drops the shared reads, sessions and cached nodes once the response is sent', async () => {
    const { context, raw, sessionsOpened, nodeBatches } = setup();
    const before = await readThrough(context);
    const dropped: string[] = [];
    context.onRelease(() => dropped.push('result tree'));
    // Within the request, everything is shared: same page, same session, node loaded once.
    expect(await context.once('page', async () => ({ items: [] }))).toBe(before.page);
    expect(context.session('PLEO')).toBe(before.session);
    await context.nodes.load(nodeId);
    expect([sessionsOpened(), nodeBatches()]).toEqual([1, 1]);

    expect(dropped).toEqual([]);
    raw.writableFinished = true;
    raw.emit('close');
    expect(dropped).toEqual(['result tree']);

    const other = { items: [] };
    expect(await context.once('page', async () => other)).toBe(other);
    expect(context.session('PLEO')).not.toBe(before.session);
    await context.nodes.load(nodeId);
    expect([sessionsOpened(), nodeBatches()]).toEqual([2, 2]);
    expect(context.signal.aborted).toBe(false);
  });

  it('aborts the upstream calls of a client that left, keeping what the request read for its mutations', async () => {
    const { context, raw, sessionsOpened } = setup();
    const before = await readThrough(context);
    const dropped: string[] = [];
    context.onRelease(() => dropped.push('result tree'));

    raw.emit('close');

    expect(context.signal.aborted).toBe(true);
    expect(await context.once('page', async () => ({ items: [] }))).toBe(before.page);
    expect(context.session('PLEO')).toBe(before.session);
    expect(sessionsOpened()).toBe(1);
    expect(dropped).toEqual([]);
  });
});
