/**
 * The MyUnisoft partner API simulator: legacy routes (society, exercises, `POST /entries`) and MAD
 * v1.0.0 (movements, entries, entry, journals, accounts, balance, exercises, full export), with
 * MyUnisoft's headers, error envelope and rate-limit headers. Large answers are streamed.
 */
import type { FastifyInstance } from 'fastify';
import { startSimulatorServer, type SimulatorServer } from '../http-kit';
import type { GenCompany, GenExercise } from '../data/dataset';
import { MyUnisoftAuth, bearerOf } from './auth';
import { MyUnisoftError, registerErrorEnvelope } from './errors';
import { RouteConcurrency, TokenRateLimiter } from './rate-limit';
import { queryOf, rememberCaller, type MyUnisoftContext } from './context';
import { registerSocietyRoutes } from './society-routes';
import { registerEntriesRoute } from './entries-route';
import { registerMadRoutes } from './mad-routes';
import { registerMadLookupRoutes } from './mad-lookup-routes';
import { registerMadExport } from './mad-export';
import { assertRouteAllowed, type MyUnisoftSimulatorOptions } from './token-routes';

export { MYUNISOFT_COMPANY_TOKEN } from './auth';
export { MYUNISOFT_ROUTES, type MyUnisoftSimulatorOptions } from './token-routes';

function exerciseTotalsMemo(dataset: MyUnisoftContext['dataset']): MyUnisoftContext['exerciseTotals'] {
  const memo = new Map<string, { result: number; ca: number }>();
  return (company: GenCompany, exercise: GenExercise) => {
    const key = `${company.id}:${exercise.id}`;
    let totals = memo.get(key);
    if (!totals) {
      totals = { result: 0, ca: 0 };
      for (const entry of dataset.entries(company, exercise)) {
        for (const line of entry.lines) {
          const net = line.credit - line.debit;
          if (/^[67]/.test(line.account.number)) totals.result += net;
          if (/^70/.test(line.account.number)) totals.ca += net;
        }
      }
      memo.set(key, totals);
    }
    return totals;
  };
}

function registerAuthHook(
  app: FastifyInstance,
  ctx: MyUnisoftContext,
  limiter: TokenRateLimiter,
  concurrency: RouteConcurrency,
): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/v1/')) return;
    const token = bearerOf(request) ?? `anonymous:${request.ip}`;
    // The quota counts per token, so even refused calls carry the X-Rate-Limit-* headers.
    const verdict = limiter.take(token);
    void reply.headers(verdict.headers);
    if (!verdict.allowed)
      throw new MyUnisoftError(
        429,
        'ERR-TOO-MANY-REQUEST',
        'Too many requests: 20 per 10 seconds per token.',
      );
    // A call is in flight until its answer is written out ('finish'), or its connection drops.
    const release = concurrency.enter(`${token}|${request.method} ${path}`);
    if (!release)
      throw new MyUnisoftError(
        429,
        'ERR-TOO-MANY-CONCURRENT-REQUEST',
        'Too many concurrent requests: at most 10 per route.',
      );
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
    const activating = path === '/api/v1/key/info' && queryOf(request).mode === 'extended';
    const caller = ctx.auth.authenticate(request, activating);
    assertRouteAllowed(caller, request.method, path);
    rememberCaller(request, caller);
  });
}

export async function createMyUnisoftSimulator(options: MyUnisoftSimulatorOptions): Promise<SimulatorServer> {
  const now = options.now ?? Date.now;
  const ctx: MyUnisoftContext = {
    dataset: options.dataset,
    auth: new MyUnisoftAuth(options.dataset, options.tokens),
    now,
    exerciseTotals: exerciseTotalsMemo(options.dataset),
  };
  return startSimulatorServer('myunisoft', options, (app) => {
    registerErrorEnvelope(app);
    const enforce = options.enforceRateLimits ?? true;
    registerAuthHook(app, ctx, new TokenRateLimiter(now, enforce), new RouteConcurrency(enforce));
    registerSocietyRoutes(app, ctx);
    registerEntriesRoute(app, ctx);
    registerMadRoutes(app, ctx);
    registerMadLookupRoutes(app, ctx);
    registerMadExport(app, ctx);
  });
}
