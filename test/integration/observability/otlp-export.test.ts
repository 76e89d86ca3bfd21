/**
 * End to end, in the real process (`node dist/src/main.js`, compiled first as `npm run build` does:
 * the OTLP exporter loads `http` with a dynamic import, which Jest's module sandbox refuses): with an
 * OTLP endpoint set — the `otlpEndpoint` config key or OTEL_EXPORTER_OTLP_ENDPOINT — the gateway POSTs
 * its spans to `<endpoint>/v1/traces`, here a small local HTTP server standing in for a collector, at
 * the latest when SIGTERM closes it. Without an endpoint, a gateway sends nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { ListCompaniesDocument } from '@grand-livre/sdk';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { buildGateway, listeningUrl, spawnGateway } from '../../support/gateway-process';
import { startObservedGateway } from './observed-gateway';

interface Received {
  method: string;
  path: string;
  contentType: string;
  body: string;
}

let collector: Server;
let collectorUrl: string;
const received: Received[] = [];
let sims: RunningSimulators;
let dir: string;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

beforeAll(async () => {
  buildGateway();
  sims = await startSimulators({});
  dir = mkdtempSync(join(tmpdir(), 'gl-otlp-'));
  collector = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: String(req.headers['content-type']),
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((done) => collector?.close(done));
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  received.length = 0;
});

/** Runs the built gateway on a config file, sends one query, then SIGTERM; resolves with its exit code. */
async function queryThenStop(config: object, env: NodeJS.ProcessEnv = {}): Promise<number | null> {
  const path = join(dir, `config-${Date.now()}.json`);
  writeFileSync(path, JSON.stringify(config));
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: path, ...env });
  try {
    const url = await listeningUrl(gateway);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(ListCompaniesDocument) }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  } finally {
    gateway.child.kill('SIGTERM');
  }
  return gateway.exited;
}

const demoConfig = () => ({
  ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
  logLevel: 'warn',
});

/** Span names found in the OTLP/JSON export requests received. */
function exportedSpanNames(): string[] {
  return received.flatMap((request) => {
    const payload = JSON.parse(request.body) as {
      resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[];
    };
    return payload.resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans.map((span) => span.name)),
    );
  });
}

function expectExported(): void {
  expect(received.length).toBeGreaterThanOrEqual(1);
  for (const request of received) {
    expect(request).toMatchObject({ method: 'POST', path: '/v1/traces' });
    expect(request.contentType).toMatch(/^application\/json/);
  }
  const names = exportedSpanNames();
  expect(names).toContain('graphql.ListCompanies');
  expect(names).toContain('GET /companies'); // Jepilote's, a child client span
  expect(received[0]?.body).toContain('"grand-livre"'); // service.name of the resource
}

describe('OTLP export', () => {
  it('POSTs the spans to <otlpEndpoint>/v1/traces from the config file', async () => {
    expect(await queryThenStop({ ...demoConfig(), otlpEndpoint: `${collectorUrl}/` })).toBe(0);
    expectExported();
  });

  it('does the same with OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    expect(await queryThenStop(demoConfig(), { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl })).toBe(0);
    expectExported();
  });

  it('sends nothing when no endpoint is configured', async () => {
    const gateway = await startObservedGateway({ logLevel: 'silent', sims });
    await gateway.gql(print(ListCompaniesDocument), {});
    await gateway.close();
    expect(gateway.sims.totalRequests()).toBeGreaterThan(0);
    expect(received).toEqual([]);
  });
});
