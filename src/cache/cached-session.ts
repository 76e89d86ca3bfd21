/**
 * Wraps a ProviderSession so its read-mostly lists (companies, exercises), and the lookups of one of
 * them, go through the tenant's TTL cache (mutations invalidate it: src/server/plugins/mutation-effects.ts).
 * Every other member passes through untouched — a method the provider lacks stays absent, so
 * capability checks still see the truth.
 */
import type { ProviderSession } from '../providers/types';
import { listCacheKeys } from './list-cache-keys';
import { companiesSchema, exercisesSchema } from './list-record-schemas';
import type { StoreTtlCache } from './store-ttl-cache';

export interface ListCacheScope {
  cache: StoreTtlCache;
  tenantId: string;
}

export function withListCache(
  session: ProviderSession,
  { cache, tenantId }: ListCacheScope,
): ProviderSession {
  const provider = session.provider;
  const listCompanies = () =>
    cache.getOrLoad('companies', listCacheKeys.companies(tenantId, provider), companiesSchema, () =>
      session.listCompanies(),
    );
  const overrides: Partial<Record<keyof ProviderSession, unknown>> = {
    listCompanies,
    // Every provider finds one company in its list: the cached list answers without a round trip.
    getCompany: async (companyId: string) =>
      (await listCompanies()).find((c) => c.providerId === companyId) ?? null,
  };
  const listExercisesUncached = session.listExercises?.bind(session);
  if (listExercisesUncached) {
    const listExercises = (companyId: string) =>
      cache.getOrLoad(
        'exercises',
        listCacheKeys.exercises(tenantId, provider, companyId),
        exercisesSchema,
        () => listExercisesUncached(companyId),
      );
    overrides.listExercises = listExercises;
    if (session.getExercise)
      overrides.getExercise = async (companyId: string, exerciseId: string) =>
        (await listExercises(companyId)).find((e) => e.providerId === exerciseId) ?? null;
  }
  return new Proxy(session, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property))
        return overrides[property as keyof ProviderSession];
      // Methods are bound to the real session: class-based sessions keep their private state.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
