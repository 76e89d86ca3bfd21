/**
 * The routes the API token may call, as `key/info` lists them (`[{ path, method }]`), read from the
 * activation call the client makes anyway: a call to another route is refused before it is sent,
 * with the same typed error as MyUnisoft's 403 ERR-FORBIDDEN-ROUTE.
 */
import { z } from 'zod';
import { RouteNotGrantedError } from '../../errors';

/**
 * How long a route list is trusted: a route granted to the token later is called within this delay
 * (one more `key/info` call per period); a route taken away is noticed at its first 403.
 */
export const ROUTE_LIST_TTL_MS = 10 * 60_000;

const routeListSchema = z.array(z.object({ path: z.string(), method: z.string() }));

const API_PREFIX = '/api/v1/';
const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\/+$/, '')}`;

export class GrantedRoutes {
  private constructor(private readonly keys: ReadonlySet<string> | null) {}

  /**
   * The token's routes from `key/info`'s answer. *Guess*: `mode=extended` answers the same list; any
   * other shape leaves the routes unknown, and MyUnisoft's own 403 is then the only refusal.
   */
  static fromKeyInfo(body: unknown): GrantedRoutes {
    const parsed = routeListSchema.safeParse(body);
    // Paths in another form than the documented `/api/v1/…` would refuse routes the token has: the
    // list then stays unknown, so a guess about its format never stops calls MyUnisoft would answer.
    const documented = parsed.success && parsed.data.every((r) => r.path.startsWith(API_PREFIX));
    return new GrantedRoutes(
      parsed.success && documented ? new Set(parsed.data.map((r) => routeKey(r.method, r.path))) : null,
    );
  }

  /** Throws RouteNotGrantedError (nothing sent) when the list is known and lacks the route. */
  assertAllowed(method: string, path: string, route: string): void {
    if (this.keys && !this.keys.has(routeKey(method, path)))
      throw new RouteNotGrantedError('MYUNISOFT', route);
  }
}
