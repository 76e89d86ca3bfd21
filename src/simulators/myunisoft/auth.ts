/**
 * Authentication as MyUnisoft's partner API does it: `Authorization: Bearer <API token>` and
 * `X-Third-Party-Secret` on every call. A firm token ("accès cabinet") sees the firm's societies and
 * names one with `society-id` on company-scoped routes; a company token ("accès société") is bound to
 * one society. Tokens must be activated once with `GET /api/v1/key/info?mode=extended`.
 */
import type { FastifyRequest } from 'fastify';
import { demoCredentials } from '../credentials';
import type { GenCompany, SimulatorDataset } from '../data/dataset';
import { MyUnisoftError, badRequest } from './errors';
import { tokenGrantSchema, type TokenGrant, type TokenGrantInput } from './token-routes';

/** A company token bound to society 2101, not yet activated: tests use it for company access. */
export const MYUNISOFT_COMPANY_TOKEN = 'mu-company-token-2101-8e3f5a90c1';

/** The demo tokens: every route. */
const DEMO_TOKENS: readonly TokenGrantInput[] = [
  { token: demoCredentials.myunisoft.demo.apiToken, kind: 'firm', owner: 'demo' },
  { token: demoCredentials.myunisoft.other.apiToken, kind: 'firm', owner: 'demo-other' },
  { token: MYUNISOFT_COMPANY_TOKEN, kind: 'company', owner: 'demo', societyId: '2101' },
];

export type Caller = TokenGrant;

const unauthorized = (code: string, message: string) => new MyUnisoftError(401, code, message);

/** The bearer value, or null when the header is missing or not a Bearer credential. */
export function bearerOf(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export class MyUnisoftAuth {
  /** No token starts activated: each must call `key/info?mode=extended` once, as a new token must. */
  private readonly activated = new Set<string>();
  private readonly grants: ReadonlyMap<string, TokenGrant>;

  /** `tokens`: accepted beside the demo ones (a test's token limited to a few routes). */
  constructor(
    private readonly dataset: SimulatorDataset,
    tokens: readonly TokenGrantInput[] = [],
  ) {
    const grants = [...DEMO_TOKENS, ...tokens].map((t) => tokenGrantSchema.parse(t));
    this.grants = new Map(grants.map((g) => [g.token, g]));
  }

  /** Checks the two headers in the order MyUnisoft reports them. */
  authenticate(request: FastifyRequest, activating: boolean): Caller {
    const token = bearerOf(request);
    if (!token)
      throw unauthorized('ERR-INVALID-AUTH-HEADER', 'Authorization header must be "Bearer <API token>".');
    const secret = request.headers['x-third-party-secret'];
    if (typeof secret !== 'string' || secret === '') {
      throw unauthorized('ERR-SECRET-HEADER-NOT-SET', 'X-Third-Party-Secret header is required.');
    }
    if (secret !== demoCredentials.myunisoft.thirdPartySecret) {
      throw unauthorized('ERR-INVALID-SECRET', 'X-Third-Party-Secret is not a known partner secret.');
    }
    const grant = this.grants.get(token);
    if (!grant) throw unauthorized('ERR-API-TOKEN-NOT-FOUND', 'API token not found or revoked.');
    if (activating) this.activated.add(token);
    // Not documented: the error a never-activated token gets. The simulator answers 401 with this code.
    else if (!this.activated.has(token)) {
      throw unauthorized(
        'ERR-API-TOKEN-NOT-ACTIVATED',
        'Activate the token with GET /api/v1/key/info?mode=extended.',
      );
    }
    return grant;
  }

  /** Every society the caller can see. */
  societies(caller: Caller): GenCompany[] {
    const firm = this.dataset.companiesOf('myunisoft', caller.owner);
    return caller.societyId ? firm.filter((c) => c.id === caller.societyId) : firm;
  }

  /**
   * The society a company-scoped call targets. A firm token must name it in `society-id` (missing →
   * 400); a society outside the caller's reach is 404 ERR-FOLDER-NOT-FOUND, never 403, so a caller
   * cannot probe which society ids exist in other firms.
   */
  society(request: FastifyRequest, caller: Caller): GenCompany {
    const header = request.headers['society-id'];
    const requested = typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
    if (caller.kind === 'firm' && !requested) {
      throw badRequest('ERR-SOCIETY-ID-NOT-SET', 'Firm access requires the society-id header on this route.');
    }
    const id = requested ?? caller.societyId;
    const found = this.societies(caller).find((c) => c.id === id);
    if (!found)
      throw new MyUnisoftError(404, 'ERR-FOLDER-NOT-FOUND', 'Accounting folder not found.', {
        societyId: id,
      });
    return found;
  }
}
