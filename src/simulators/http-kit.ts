/**
 * The HTTP base the four simulators share: a Fastify server on loopback that records every request
 * (tests count upstream calls with it), adds the configured latency, and applies scripted faults.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { FaultPlan, driftShape, echoBody, type FaultSpec } from './faults';
import type { RecordedRequest, RunningSimulator, SimulatorOptions } from './types';

export interface SimulatorServer extends RunningSimulator {
  readonly faults: FaultPlan;
  readonly app: FastifyInstance;
  /** Requests held by a latency (the simulator's own or a fault's) right now. */
  readonly delayedRequests: number;
}

type FaultedRequest = FastifyRequest & { fault?: FaultSpec };

/**
 * Builds, starts and returns a simulator. `register` adds the provider's routes to `app`.
 * Bodies of any content type arrive as Buffers unless a route registers its own parser
 * (JSON and form bodies are parsed by Fastify: JSON natively, form-urlencoded by the kit).
 */
export async function startSimulatorServer(
  name: RunningSimulator['name'],
  options: SimulatorOptions,
  register: (app: FastifyInstance) => void | Promise<void>,
): Promise<SimulatorServer> {
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024, forceCloseConnections: true });
  const requests: RecordedRequest[] = [];
  const faults = new FaultPlan();
  const now = options.now ?? Date.now;
  // Delays still pending when the simulator closes end at once: a 5 s latency fault must not hold the process.
  const pendingDelays = new Map<NodeJS.Timeout, () => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.set(timer, resolve);
    });
  app.addHook('preClose', async () => {
    for (const [timer, resolve] of pendingDelays) {
      clearTimeout(timer);
      resolve();
    }
    pendingDelays.clear();
  });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/__admin/faults', async (request, reply) => {
    const specs = ([] as FaultSpec[]).concat(request.body as FaultSpec | FaultSpec[]);
    specs.forEach((spec) => faults.add(spec));
    return reply.code(204).send();
  });
  app.delete('/__admin/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.addHook('onResponse', async (request, reply) => {
    const [path = '', query = ''] = request.url.split('?');
    if (path.startsWith('/__admin')) return;
    const societyId = request.headers['society-id'];
    requests.push({
      method: request.method,
      path,
      query,
      status: reply.statusCode,
      at: now(),
      ...(typeof societyId === 'string' ? { societyId } : {}),
    });
  });

  app.addHook('onRequest', async (request: FaultedRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/__admin')) return;
    if (options.latencyMs) await sleep(options.latencyMs);
    const fault = faults.take(request.method, path);
    if (!fault) return;
    if (fault.kind === 'latency') return void (await sleep(fault.ms ?? 1_000));
    if (fault.kind === 'status') return reply.code(fault.status ?? 503).send({ error: 'injected fault' });
    if (fault.kind === 'rate_limit') {
      return reply
        .code(429)
        .header('retry-after', String(fault.retryAfter ?? 1))
        .send({ error: 'too many requests' });
    }
    if (fault.kind === 'reset') {
      requests.push({ method: request.method, path, query: '', status: 0, at: now() });
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (fault.kind === 'stall') {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/json' });
      reply.raw.write('{"data":[');
      return;
    }
    request.fault = fault; // malformed_json, drift, reset_after_commit act once the handler has run
  });

  // After the body is read: the provider holds the request, then commits whether or not its client waited.
  app.addHook('preHandler', async (request: FaultedRequest, reply: FastifyReply) => {
    if (request.fault?.kind === 'slow_commit') await sleep(request.fault.ms ?? 1_000);
    if (request.fault?.kind === 'echo') {
      const { status = 400, errorList = false } = request.fault;
      return reply.code(status).send(echoBody(request, errorList));
    }
  });

  app.addHook('onSend', async (request: FaultedRequest, reply, payload) => {
    const fault = request.fault;
    if (!fault || fault.kind === 'slow_commit' || fault.kind === 'echo') return payload;
    if (fault.kind === 'reset_after_commit') {
      request.raw.socket.destroy();
      return payload;
    }
    reply.code(200).header('content-type', 'application/json');
    if (fault.kind === 'malformed_json') return '{"data": [{"id": 1,';
    try {
      return JSON.stringify(driftShape(JSON.parse(String(payload))));
    } catch {
      return '{"unexpected": true}';
    }
  });

  await register(app);
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${address.port}`,
    server: app.server,
    app,
    faults,
    requests,
    resetRequests: () => void requests.splice(0, requests.length),
    get delayedRequests() {
      return pendingDelays.size;
    },
    close: () => app.close(),
  };
}
