/**
 * `createAccessToken`: only the tenant's API key may mint (a token cannot mint another, so a leaked
 * token cannot extend itself); the named companies must be ones the tenant sees (NOT_FOUND otherwise,
 * like any foreign id), checked before the token is signed.
 */
import { z } from 'zod';
import { ACCESS_SCOPES } from '../../auth/access-scope';
import {
  ACCESS_TOKEN_DEFAULT_TTL_SECONDS,
  ACCESS_TOKEN_MAX_TTL_SECONDS,
  signAccessToken,
  type CompanyRef,
} from '../../auth/access-token';
import { assertCompanyAllowed } from '../../auth/company-access';
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import { ForbiddenError } from '../../errors';
import { parseInput } from '../common/validation';
import type { AccessToken, CreateAccessTokenInput } from './access-token.type';

const inputSchema = z.object({
  companyIds: z.array(z.string()).max(100, 'at most 100 companies').nullish(),
  scopes: z.array(z.enum(ACCESS_SCOPES)).min(1, 'name at least one scope'),
  ttlSeconds: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(ACCESS_TOKEN_MAX_TTL_SECONDS, `must be at most ${ACCESS_TOKEN_MAX_TTL_SECONDS} (24 hours)`)
    .nullish(),
});

/** The input's shape and company ids (also checked before execution); whose companies they are, the service judges. */
export function validateAccessTokenInput(raw: unknown) {
  const input = parseInput(inputSchema, raw, 'input');
  const companyIds = input.companyIds?.map((id, i) => {
    const field = `input.companyIds.${i}`;
    return { company: decodeGlobalIdOf(id, ['Company'], field), field };
  });
  return { input, companyIds };
}

export function createAccessToken(ctx: RequestContext, raw: CreateAccessTokenInput): AccessToken {
  if (ctx.caller.kind !== 'API_KEY')
    throw new ForbiddenError('Only the API key can create access tokens, not another access token.');
  // Only contexts built outside the HTTP app (unit tests) lack it: a wiring bug, masked as internal.
  const { apiKeySha256 } = ctx.caller;
  if (apiKeySha256 === undefined) throw new Error('the API key of this context is unknown');
  const { input, companyIds } = validateAccessTokenInput(raw);
  const companies = companyIds?.map(({ company, field }): CompanyRef => {
    assertCompanyAllowed(ctx.tenant, company.provider, company.companyId, field);
    return { provider: company.provider, companyId: company.companyId };
  });
  const scopes = [...new Set(input.scopes)];
  const expiresAt = ctx.now() + (input.ttlSeconds ?? ACCESS_TOKEN_DEFAULT_TTL_SECONDS) * 1000;
  const token = signAccessToken(ctx.signingSecret, ctx.tenant, {
    scopes,
    companies: companies ?? null,
    expiresAt,
    apiKeySha256,
  });
  return { token, expiresAt: new Date(expiresAt).toISOString(), scopes };
}
