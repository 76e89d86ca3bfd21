/**
 * What every Inqom API route checks: a valid unexpired bearer token (else 403: the seed answers a failed
 * authentication with 403 and documents no 401), the documented
 * ~15 requests per second per client and user when rate limits are enforced (else 429), and that
 * the caller's firm owns the accounting folder (else 403, the seed's "no rights on the resource").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GenCompany, SimulatorDataset } from '../data/dataset';
import { sendProblem } from './problem';
import type { InqomCaller, TokenIssuer } from './tokens';

const REQUESTS_PER_SECOND = 15;

export class InqomAccess {
  private readonly callers = new WeakMap<FastifyRequest, InqomCaller>();
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly issuer: TokenIssuer,
    private readonly dataset: SimulatorDataset,
    private readonly now: () => number,
    private readonly enforceRateLimits: boolean,
  ) {}

  /** onRequest hook for the API routes. */
  readonly authenticate = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match?.[1] ? this.issuer.verify(match[1]) : null;
    if (!caller) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return void sendProblem(reply, 403, 'missing, invalid or expired access token');
    }
    if (this.enforceRateLimits && this.overLimit(`${caller.clientId}|${caller.username}`)) {
      reply.header('retry-after', '1');
      return void sendProblem(reply, 429, `more than ${REQUESTS_PER_SECOND} requests per second`);
    }
    this.callers.set(request, caller);
  };

  caller(request: FastifyRequest): InqomCaller {
    const caller = this.callers.get(request);
    if (!caller) throw new Error('route registered without the authenticate hook');
    return caller;
  }

  /** The folder when the caller's firm owns it; otherwise answers 403 (unknown folders too) and returns null. */
  folder(request: FastifyRequest, reply: FastifyReply, folderId: string): GenCompany | null {
    const company = this.dataset.company('inqom', folderId);
    if (!company || company.owner !== this.caller(request).owner) {
      sendProblem(reply, 403, 'the user has no rights on this accounting folder');
      return null;
    }
    return company;
  }

  private overLimit(key: string): boolean {
    const now = this.now();
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - 1_000);
    recent.push(now);
    this.windows.set(key, recent);
    return recent.length > REQUESTS_PER_SECOND;
  }
}
