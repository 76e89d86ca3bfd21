/**
 * A gateway on the simulators built like `npm start` builds it, but with what the observability
 * tests read: a pino logger writing to memory, random API keys (so that a key can be looked for in
 * the logs without matching the tenant id), and an optional tracer provider.
 */
import { randomUUID } from 'node:crypto';
import type { TracerProvider } from '@opentelemetry/api';
import pino from 'pino';
import { request } from 'undici';
import { parseConfig, type ConfigInput, type GatewayConfig } from '../../../src/config';
import { createGateway } from '../../../src/gateway';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';

export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  tenant?: string;
  [field: string]: unknown;
}

export interface GqlResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface ObservedGateway {
  url: string;
  sims: RunningSimulators;
  config: GatewayConfig;
  apiKeys: { demo: string; other: string };
  /** Every raw log line so far (JSON text, as a log shipper would see it). */
  rawLines: string[];
  lines(): LogLine[];
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { apiKey?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResult>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface ObservedGatewayOptions {
  logLevel?: 'debug' | 'info' | 'silent';
  configure?: (config: ConfigInput) => ConfigInput;
  tracerProvider?: TracerProvider;
  /** Reuse running simulators (closed by their owner). */
  sims?: RunningSimulators;
}

export async function startObservedGateway(options: ObservedGatewayOptions = {}): Promise<ObservedGateway> {
  const sims = options.sims ?? (await startSimulators({}));
  const apiKeys = { demo: `key-${randomUUID()}`, other: `key-${randomUUID()}` };
  const raw = buildDemoConfig({
    urls: sims.urls,
    dataset: sims.dataset,
    port: 0,
    demoApiKey: apiKeys.demo,
    otherApiKey: apiKeys.other,
  });
  const config = parseConfig(options.configure ? options.configure(raw) : raw);
  const rawLines: string[] = [];
  const logger = pino(
    { level: options.logLevel ?? 'debug', base: { service: 'grand-livre' } },
    { write: (line: string) => void rawLines.push(line) },
  );
  const gateway = await createGateway({
    config,
    logger,
    ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
  });
  const url = await gateway.listen();
  return {
    url,
    sims,
    config,
    apiKeys,
    rawLines,
    lines: () => rawLines.map((line) => JSON.parse(line) as LogLine),
    async gql(query, variables, { apiKey = apiKeys.demo, headers = {} } = {}) {
      const response = await request(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text, body: JSON.parse(text) };
    },
    async get(path, headers = {}) {
      const response = await request(`${url}${path}`, { headers });
      return { status: response.statusCode, text: await response.body.text() };
    },
    async close() {
      await gateway.close();
      if (!options.sims) await sims.close();
    },
  };
}

/** Every string of a JSON value that is a Decimal amount (`"-264.44"`). */
export function decimalsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value)) out.add(value);
  else if (Array.isArray(value)) value.forEach((item) => decimalsIn(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => decimalsIn(item, out));
  return out;
}

/** Every configured secret: the tenants' API keys, the signing secret, provider passwords and tokens. */
export function configuredSecrets(gateway: ObservedGateway): string[] {
  const secrets = [gateway.apiKeys.demo, gateway.apiKeys.other, gateway.config.signingSecret];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string' && /password|secret|token|apikey/i.test(key)) secrets.push(value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  gateway.config.tenants.forEach((tenant) => walk(tenant.providers, 'providers'));
  return secrets;
}

/** Retries `read` until it returns a value (spans end after the response is sent). */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
