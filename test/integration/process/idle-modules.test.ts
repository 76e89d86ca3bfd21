/**
 * What a configured gateway process (`node dist/src/main.js` on a config file, as the bench starts it)
 * loads by the end of its first query: nothing for a feature its config leaves off. Each package
 * loaded is source and objects held for the process's life (bench/notes.md, "idle footprint"): S3
 * without `bulk.s3`, the OpenTelemetry SDK and exporter without an OTLP endpoint, Redis without
 * `redisUrl`, the simulators outside demo mode, GraphiQL's React until its page is asked for,
 * Apollo's federation trace protobuf, Fastify's schema compilers while no route declares a schema,
 * graphql-jit's JSON serializer, which compiled plans do not use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { ROOT, buildGateway, listeningUrl, spawnGateway } from '../../support/gateway-process';

const PROBE = join(ROOT, 'test/fixtures/process/loaded-packages-probe.cjs');

let sims: RunningSimulators;
let dir: string;

beforeAll(async () => {
  buildGateway();
  sims = await startSimulators({});
  dir = mkdtempSync(join(tmpdir(), 'gl-idle-'));
}, 120_000);
afterAll(async () => {
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the built gateway on `config` with the probe preloaded, sends one query, lists what it loaded. */
async function loadedAfterFirstQuery(config: object): Promise<string[]> {
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(config));
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: path, NODE_OPTIONS: `--require ${PROBE}` });
  try {
    const url = await listeningUrl(gateway);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ companies { totalCount edges { node { id provider } } } }' }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    gateway.child.kill('SIGUSR2');
    const line = await new Promise<string>((found) => {
      const poll = setInterval(() => {
        const match = /^LOADED (.*)$/m.exec(gateway.output());
        if (match) {
          clearInterval(poll);
          found(match[1]!);
        }
      }, 20);
    });
    return JSON.parse(line) as string[];
  } finally {
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }
}

describe('a gateway started on a config file', () => {
  it('loads no module of a feature its config leaves off', async () => {
    const loaded = await loadedAfterFirstQuery({
      ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
      logLevel: 'warn',
    });
    // The probe sees what the gateway needs: the list is not empty by mistake.
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'undici', 'graphql', 'dist/src/server']));
    for (const unconfigured of [
      '@aws-sdk/client-s3',
      '@aws-sdk/lib-storage',
      '@opentelemetry/sdk-trace-base',
      '@opentelemetry/exporter-trace-otlp-http',
      'ioredis',
      'dist/src/simulators',
      'react',
      'react-dom',
      '@apollo/usage-reporting-protobuf',
      '@fastify/ajv-compiler',
      '@fastify/fast-json-stringify-compiler',
      // graphql-jit's JSON serializer (src/server/execution/graphql-jit.ts), which pulls Ajv in.
      'ajv',
    ])
      expect(loaded).not.toContain(unconfigured);
  }, 60_000);
});
