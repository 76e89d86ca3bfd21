/**
 * `companies`: the union over the tenant's providers, filtered by the allowlist and paginated by
 * the gateway. A failing provider does not fail the query: its error is deferred (added to the
 * response's `errors` with path `companies`) and the other providers' companies are returned.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import type { RequestContext } from '../../context';
import { isCompanyAllowed } from '../../auth/company-access';
import type { CompanyRecord, ProviderName } from '../../domain/model';
import { isGrandLivreError } from '../../errors';
import { paginateList, toPageRequest } from '../common/paginate';
import type { PageArgs } from '../common/pagination.validation';
import { registerNodeFetcher } from '../node/node-fetchers';

export async function listVisibleCompanies(
  ctx: RequestContext,
  provider: ProviderName | null,
  info: GraphQLResolveInfo,
): Promise<CompanyRecord[]> {
  const providers = provider ? ctx.providers.filter((p) => p === provider) : ctx.providers;
  const results = await Promise.allSettled(providers.map((p) => ctx.session(p).listCompanies()));
  const companies: CompanyRecord[] = [];
  results.forEach((result, i) => {
    const p = providers[i] as ProviderName;
    if (result.status === 'fulfilled') {
      companies.push(
        ...result.value.filter((c) => c.provider === p && isCompanyAllowed(ctx.tenant, p, c.providerId)),
      );
    } else {
      ctx.deferredErrors.push(deferredError(result.reason, info));
      ctx.logger.warn(
        { provider: p, err: result.reason },
        'companies: provider failed, serving partial data',
      );
    }
  });
  return companies;
}

function deferredError(reason: unknown, info: GraphQLResolveInfo): GraphQLError {
  const path = pathToArray(info.path);
  if (isGrandLivreError(reason))
    return new GraphQLError(reason.message, { path, extensions: reason.extensions, originalError: reason });
  // Unexpected failures are masked by the error-masking formatter like any other.
  return new GraphQLError('Unexpected error.', {
    path,
    originalError: reason instanceof Error ? reason : undefined,
  });
}

export async function companiesConnection(
  ctx: RequestContext,
  provider: ProviderName | null,
  args: PageArgs,
  info: GraphQLResolveInfo,
) {
  const scope = {
    secret: ctx.signingSecret,
    key: { tenantId: ctx.tenant.id, connection: `companies:${provider ?? '*'}` },
  };
  // The cursor is verified before any upstream call.
  toPageRequest(scope, args);
  return paginateList(scope, args, await listVisibleCompanies(ctx, provider, info));
}

registerNodeFetcher('Company', (_ctx, session, { companyId }) => session.getCompany(companyId));
