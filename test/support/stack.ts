/**
 * Boots the real thing for HTTP-level tests: the four simulators on ephemeral loopback ports and a
 * gateway configured with the demo tenants, also on an ephemeral port. `gql` posts a GraphQL request
 * with an API key and returns the HTTP status and parsed body.
 */
import { request } from 'undici';
import {
  startSimulators,
  type RunningSimulators,
  type SimulatorsOptions,
} from '../../src/simulators/harness';
import { buildDemoConfig } from '../../src/simulators/demo-config';
import { parseConfig, type ConfigInput, type GatewayConfig } from '../../src/config';
import { createGateway } from '../../src/gateway';
import type { Logger } from '../../src/logger';
import type { SharedStore } from '../../src/store/types';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface Stack {
  url: string;
  graphqlUrl: string;
  sims: RunningSimulators;
  config: GatewayConfig;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    apiKey?: string | null,
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface StackOptions extends SimulatorsOptions {
  /** Edits the demo config before it is parsed. */
  configure?: (config: ConfigInput) => ConfigInput;
  store?: SharedStore;
  /** Reuse running simulators (e.g. two gateways on one set). */
  sims?: RunningSimulators;
  /** The gateway's clock of token and link expiries (default Date.now). */
  now?: () => number;
  /** The gateway's root logger (default pino at the config's logLevel). */
  logger?: Logger;
}

/** The gateway without the budgets matching the simulators' limits (for simulators started without them). */
export const UNLIMITED_UPSTREAM: ConfigInput['upstream'] = {
  providers: {
    MYUNISOFT: { budget: false, concurrentPerRoute: false },
    INQOM: { budget: false },
  },
};

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sims = options.sims ?? (await startSimulators(options));
  const demo = buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 });
  // Simulators without their limits (a test that says why) get a gateway without the matching budgets.
  const raw = options.enforceRateLimits === false ? { ...demo, upstream: UNLIMITED_UPSTREAM } : demo;
  const config = parseConfig(options.configure ? options.configure(raw) : raw);
  const gateway = await createGateway({
    config,
    ...(options.store ? { store: options.store } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const url = await gateway.listen();
  const graphqlUrl = `${url}/graphql`;
  return {
    url,
    graphqlUrl,
    sims,
    config,
    async gql(query, variables, apiKey = 'demo') {
      const response = await request(graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, body: JSON.parse(text) };
    },
    async close() {
      await gateway.close();
      if (!options.sims) await sims.close();
    },
  };
}
