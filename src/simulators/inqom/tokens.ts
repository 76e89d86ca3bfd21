/**
 * Inqom's identity server: `POST /identity/connect/token` (OAuth2 password grant, form-urlencoded)
 * issuing JWT-shaped access tokens (HS256, a per-process key) that expire on the simulator's clock.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { demoCredentials } from '../credentials';
import type { DemoOwner } from '../credentials';
import { sendOAuthError } from './problem';

export interface InqomCaller {
  username: string;
  clientId: string;
  firmId: string;
  owner: DemoOwner;
}

interface TokenPayload {
  sub: string;
  firm: string;
  client_id: string;
  scope: string;
  iat: number;
  exp: number;
  jti: string;
}

const SCOPE = 'openid apidata';
const creds = demoCredentials.inqom;
const USERS = [
  { ...creds.demo, owner: 'demo' as const },
  { ...creds.other, owner: 'demo-other' as const },
];

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class TokenIssuer {
  private readonly key = randomBytes(32);

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
  ) {}

  issue(user: (typeof USERS)[number], clientId: string): { token: string; expiresIn: number } {
    const iat = Math.floor(this.now() / 1000);
    const payload: TokenPayload = {
      sub: user.username,
      firm: user.firmId,
      client_id: clientId,
      scope: SCOPE,
      iat,
      exp: iat + this.ttlSeconds,
      jti: randomUUID(),
    };
    const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: this.ttlSeconds };
  }

  /** The caller a bearer token stands for, or null when it is forged, malformed or expired. */
  verify(token: string): InqomCaller | null {
    const [header, body, signature] = token.split('.');
    if (!header || !body || !signature) return null;
    const expected = Buffer.from(this.sign(`${header}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    if (payload.exp * 1000 <= this.now()) return null;
    const user = USERS.find((u) => u.username === payload.sub);
    return user
      ? { username: user.username, clientId: payload.client_id, firmId: user.firmId, owner: user.owner }
      : null;
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}

type TokenForm = Partial<
  Record<'username' | 'password' | 'grant_type' | 'scope' | 'client_id' | 'client_secret', string>
>;

export function registerTokenRoute(app: FastifyInstance, issuer: TokenIssuer): void {
  app.post('/identity/connect/token', async (request, reply) => {
    const form = (request.body ?? {}) as TokenForm;
    if (typeof form !== 'object' || Buffer.isBuffer(form)) {
      return sendOAuthError(reply, 400, 'invalid_request', 'expected application/x-www-form-urlencoded');
    }
    if (form.client_id !== creds.clientId || form.client_secret !== creds.clientSecret) {
      return sendOAuthError(reply, 401, 'invalid_client', 'unknown client or wrong secret');
    }
    if (form.grant_type !== 'password')
      return sendOAuthError(reply, 400, 'unsupported_grant_type', 'only password');
    const scopes = (form.scope ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !SCOPE.split(' ').includes(s))) {
      return sendOAuthError(reply, 400, 'invalid_scope', `scope must be "${SCOPE}"`);
    }
    const user = USERS.find((u) => u.username === form.username && u.password === form.password);
    if (!user) return sendOAuthError(reply, 400, 'invalid_grant', 'invalid username or password');
    const { token, expiresIn } = issuer.issue(user, form.client_id);
    return reply
      .header('cache-control', 'no-store')
      .send({ access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: scopes.join(' ') });
  });
}
