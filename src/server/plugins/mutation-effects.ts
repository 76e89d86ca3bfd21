/**
 * The rules every mutation root field obeys, in one place rather than in each service:
 * - before it runs, the request's shared reads are dropped (`ctx.forgetShared`), so a later field of
 *   the same operation lists afresh what this mutation may have changed;
 * - after it, whatever its outcome (a failed write may still have committed), the caches of every
 *   company it opened a mutation session for are invalidated, before its payload is resolved.
 * Apollo's willResolveField cannot await, so the plugin wraps the Mutation type's resolvers once, when
 * the server starts.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import type { MutatedCompany, RequestContext } from '../../context';

export interface MutationEffectsOptions {
  /** Drops what the shared caches hold about one company of a tenant; default none. */
  invalidateCompany?: (tenantId: string, company: MutatedCompany) => Promise<void>;
}

export function useMutationEffects(options: MutationEffectsOptions = {}): ApolloServerPlugin<RequestContext> {
  const afterMutation = async (ctx: RequestContext) => {
    const companies = ctx.takeMutatedCompanies();
    if (options.invalidateCompany)
      await Promise.all(companies.map((company) => options.invalidateCompany!(ctx.tenant.id, company)));
  };
  const wrap =
    (resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> =>
    async (source, args, ctx, info) => {
      ctx.forgetShared();
      try {
        return await resolve(source, args, ctx, info);
      } finally {
        await afterMutation(ctx);
      }
    };
  const wrapped = new WeakSet<object>();
  return {
    async serverWillStart({ schema }) {
      const mutation = schema.getMutationType();
      for (const field of Object.values(mutation?.getFields() ?? {})) {
        if (wrapped.has(field)) continue;
        wrapped.add(field);
        field.resolve = wrap(field.resolve ?? defaultFieldResolver);
      }
    },
  };
}
