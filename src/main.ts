/**
 * `npm start`. With GRAND_LIVRE_CONFIG the gateway talks to the providers that file names; without
 * it, embedded demo mode starts the four simulators on ephemeral loopback ports and a demo config
 * (API keys `demo` / `demo-other`, DEMO_API_KEY overrides the first). HOST and PORT override the
 * listen address (default 127.0.0.1:4000); REDIS_URL sets the shared store (overriding `redisUrl`);
 * OTEL_EXPORTER_OTLP_ENDPOINT turns span export on (overriding `otlpEndpoint`).
 * A bad config prints one line to stderr and exits 1. SIGTERM drains in-flight requests, then exits 0.
 */
import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfigFile, parseConfig, redisUrlSchema, type GatewayConfig } from './config';
import { createGateway } from './gateway';
import { exitGracefullyOnSignals } from './server/shutdown';
import { StoreConfigError } from './store/errors';

// Wasm stays on V8's baseline compiler: tiering undici's HTTP parser (llhttp) up to TurboFan on the
// first upstream call cost +36 MB of RSS for good, a fifth of the bulk export's bound (bench/notes.md).
setFlagsFromString('--liftoff-only');

interface Boot {
  config: GatewayConfig;
  demoKey: string | null;
  stopExtras: () => Promise<void>;
}

function listenOverrides(env: NodeJS.ProcessEnv): { host?: string; port?: number } {
  const port = env.PORT === undefined ? undefined : Number(env.PORT);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  return { ...(env.HOST ? { host: env.HOST } : {}), ...(port !== undefined ? { port } : {}) };
}

/** REDIS_URL, validated like the config key; the message never echoes it (it may hold a password). */
function redisOverride(env: NodeJS.ProcessEnv): { redisUrl?: string } {
  if (!env.REDIS_URL) return {};
  const checked = redisUrlSchema.safeParse(env.REDIS_URL);
  if (!checked.success) throw new ConfigError(`REDIS_URL: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { redisUrl: checked.data };
}

/** OTEL_EXPORTER_OTLP_ENDPOINT, the OpenTelemetry variable; the message never echoes it (it may hold a token). */
function otlpOverride(env: NodeJS.ProcessEnv): { otlpEndpoint?: string } {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return {};
  if (!URL.canParse(endpoint)) throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT: must be a URL');
  return { otlpEndpoint: endpoint };
}

async function boot(env: NodeJS.ProcessEnv): Promise<Boot> {
  const overrides = { ...listenOverrides(env), ...redisOverride(env), ...otlpOverride(env) };
  if (env.GRAND_LIVRE_CONFIG) {
    const config = loadConfigFile(env.GRAND_LIVRE_CONFIG, env);
    return { config: { ...config, ...overrides }, demoKey: null, stopExtras: async () => undefined };
  }
  // Loaded only in demo mode: a configured deployment never loads simulator code.
  const { startSimulators } = await import('./simulators/harness');
  const { buildDemoConfig } = await import('./simulators/demo-config');
  const sims = await startSimulators({});
  const demoKey = env.DEMO_API_KEY || 'demo';
  const raw = buildDemoConfig({
    urls: sims.urls,
    dataset: sims.dataset,
    demoApiKey: demoKey,
    host: overrides.host ?? '127.0.0.1',
    port: overrides.port ?? 4000,
  });
  // GraphiQL opens with the demo key set, so a first query needs no typing.
  const graphiql = { defaultHeaders: { Authorization: `Bearer ${demoKey}` } };
  return {
    config: parseConfig({ ...raw, ...overrides, graphiql }, env),
    demoKey,
    stopExtras: () => sims.close(),
  };
}

async function main(): Promise<void> {
  const { config, demoKey, stopExtras } = await boot(process.env);
  const gateway = await createGateway({ config });
  const url = await gateway.listen();
  const key = demoKey ?? '<your api key>';
  // One write for the whole banner, so a reader of the pipe never sees the URL without the curl line.
  const banner = [
    `Grand Livre GraphQL API: ${url}/graphql${demoKey ? ' (demo mode, simulated providers)' : ''}`,
    ...(config.graphiql.enabled
      ? [`GraphiQL: ${url}/graphiql${demoKey ? ' (opens with the demo key set)' : ''}`]
      : []),
    `Try: curl -s ${url}/graphql -H 'authorization: Bearer ${key}' -H 'content-type: application/json' \\`,
    `       -d '{"query":"{ companies { totalCount edges { node { id provider name } } } }"}'`,
  ];
  console.log(banner.join('\n'));
  exitGracefullyOnSignals({
    gateway,
    drainTimeoutMs: config.shutdown.drainTimeoutMs,
    closeAfterGateway: stopExtras,
    log: (line) => console.log(line),
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StoreConfigError)
      console.error(`Invalid configuration: ${error.message}`);
    else
      console.error(`Grand Livre failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
