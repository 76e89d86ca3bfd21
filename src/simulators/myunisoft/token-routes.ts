/**
 * The routes a MyUnisoft token may call: `key/info` lists them (`[{ path, method }]`) and any other
 * served route answers 403 ERR-FORBIDDEN-ROUTE. Demo tokens may call every route; a test configures
 * a token with fewer (`MyUnisoftSimulatorOptions.tokens`).
 */
import { z } from 'zod';
import type { SimulatorOptions } from '../types';
import { MyUnisoftError } from './errors';

export interface MyUnisoftRoute {
  path: string;
  method: string;
}

/** Every route this simulator serves, as `key/info` lists them for a token with full access. */
export const MYUNISOFT_ROUTES: readonly MyUnisoftRoute[] = [
  { path: '/api/v1/key/info', method: 'GET' },
  { path: '/api/v1/society', method: 'GET' },
  { path: '/api/v1/society/exercice', method: 'GET' },
  { path: '/api/v1/entries', method: 'POST' },
  ...[
    'movements',
    'entries',
    'entry',
    'journals',
    'accounts',
    'balance',
    'exercices',
    'all',
    'all/status',
  ].map((route) => ({ path: `/api/v1/mad/${route}`, method: 'GET' })),
];

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const SERVED = new Set(MYUNISOFT_ROUTES.map((r) => routeKey(r.method, r.path)));

const servedRoute = z
  .object({ path: z.string(), method: z.string() })
  .strict()
  .refine((r) => SERVED.has(routeKey(r.method, r.path)), 'not a route this simulator serves');

/** A token the simulator accepts beside the demo ones. */
export const tokenGrantSchema = z
  .object({
    token: z.string().min(1),
    kind: z.enum(['firm', 'company']),
    owner: z.enum(['demo', 'demo-other']),
    /** Company tokens only: the society they are bound to. */
    societyId: z.string().nullable().default(null),
    /** What `key/info` lists and the token may call; default every served route. */
    routes: z.array(servedRoute).readonly().default(MYUNISOFT_ROUTES),
  })
  .strict()
  .refine((g) => (g.kind === 'company') === (g.societyId !== null), 'a company token names its society');

export type TokenGrantInput = z.input<typeof tokenGrantSchema>;
export type TokenGrant = z.output<typeof tokenGrantSchema>;

export interface MyUnisoftSimulatorOptions extends SimulatorOptions {
  /** Tokens accepted beside the demo ones, e.g. one limited to a few routes (default none). */
  tokens?: readonly TokenGrantInput[];
}

/**
 * 403 ERR-FORBIDDEN-ROUTE for a served route missing from the token's list. `key/info` is always
 * answered (*guess*: a token can read its own list and be activated); unknown routes stay 404.
 */
export function assertRouteAllowed(grant: TokenGrant, method: string, path: string): void {
  const key = routeKey(method, path);
  if (!SERVED.has(key) || key === 'GET /api/v1/key/info') return;
  if (grant.routes.some((r) => routeKey(r.method, r.path) === key)) return;
  throw new MyUnisoftError(403, 'ERR-FORBIDDEN-ROUTE', `This API token may not call ${key}.`, {
    method: method.toUpperCase(),
    path,
  });
}
