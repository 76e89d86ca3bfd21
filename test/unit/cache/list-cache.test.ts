/**
 * The list cache: companies and exercises are read through a tenant-scoped TTL cache on the shared
 * store, and a broken store degrades to misses (mutations drop a company's keys through
 * src/server/plugins/mutation-effects.ts: test/unit/server/mutation-effects.test.ts).
 */
import { withListCache } from '../../../src/cache/cached-session';
import { StoreTtlCache, type CacheLookupEvent } from '../../../src/cache/store-ttl-cache';
import type { CompanyRecord, ExerciseRecord } from '../../../src/domain/model';
import type { ProviderSession } from '../../../src/providers/types';
import { MemoryStore } from '../../../src/store/memory-store';

const company: CompanyRecord = { provider: 'MYUNISOFT', providerId: '2101', name: 'ACME', siren: null };
const exercise = (companyId: string): ExerciseRecord => ({
  provider: 'MYUNISOFT',
  companyId,
  providerId: '30',
  label: 'N',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  closed: false,
});

/** A class-based session (like Inqom's): its methods need their own `this`. */
class CountingSession implements ProviderSession {
  readonly provider = 'MYUNISOFT' as const;
  readonly capabilities = ['EXERCISES', 'EXPORT_JOBS'] as const;
  calls: Record<string, number> = {};
  private count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  async listCompanies() {
    this.count('listCompanies');
    return [company];
  }
  async getCompany() {
    this.count('getCompany');
    return company;
  }
  async getExercise(companyId: string) {
    this.count('getExercise');
    return exercise(companyId);
  }
  async listExercises(companyId: string) {
    this.count('listExercises');
    return [exercise(companyId)];
  }
  async createExportJob(request: { companyId: string }) {
    this.count('createExportJob');
    if (request.companyId === 'fails') throw new Error('provider refused');
    return { providerId: 'job-1' } as never;
  }
}

describe('list cache on the shared store', () => {
  let store: MemoryStore;
  let events: CacheLookupEvent[];
  let cache: StoreTtlCache;
  beforeEach(() => {
    store = new MemoryStore();
    events = [];
    cache = new StoreTtlCache({ store, ttlMs: 60_000, onLookup: (e) => events.push(e) });
  });

  it('answers one company or exercise from the cached lists, with no call of its own', async () => {
    const warm = withListCache(new CountingSession(), { cache, tenantId: 'demo' });
    await warm.listCompanies();
    await warm.listExercises!('2101');
    const session = new CountingSession();
    const cached = withListCache(session, { cache, tenantId: 'demo' });
    expect(await cached.getCompany('2101')).toEqual(company);
    expect(await cached.getCompany('9999')).toBeNull();
    expect(await cached.getExercise!('2101', '30')).toEqual(exercise('2101'));
    expect(await cached.getExercise!('2101', '31')).toBeNull();
    expect(session.calls).toEqual({});
  });

  it('serves companies and exercises from the cache after the first miss, across sessions', async () => {
    const first = new CountingSession();
    const a = withListCache(first, { cache, tenantId: 'demo' });
    expect(await a.listCompanies()).toEqual([company]);
    expect(await a.listExercises!('2101')).toEqual([exercise('2101')]);
    const second = new CountingSession();
    const b = withListCache(second, { cache, tenantId: 'demo' });
    expect(await b.listCompanies()).toEqual([company]);
    expect(await b.listExercises!('2101')).toEqual([exercise('2101')]);
    expect(second.calls).toEqual({});
    expect(events).toEqual([
      { cache: 'companies', hit: false },
      { cache: 'exercises', hit: false },
      { cache: 'companies', hit: true },
      { cache: 'exercises', hit: true },
    ]);
    expect(cache.stats).toEqual({ hits: 2, misses: 2 });
  });

  it('never shares an entry between tenants or companies', async () => {
    const demo = new CountingSession();
    await withListCache(demo, { cache, tenantId: 'demo' }).listExercises!('2101');
    const other = new CountingSession();
    const otherSession = withListCache(other, { cache, tenantId: 'demo-other' });
    await otherSession.listExercises!('2101');
    await otherSession.listExercises!('2102');
    expect(other.calls.listExercises).toBe(2);
    // A `:` in an id cannot reach another tenant's key.
    await withListCache(new CountingSession(), { cache, tenantId: 'demo' }).listExercises!('x:exercises');
    expect(events.filter((e) => e.hit)).toEqual([]);
  });

  it('keeps absent methods absent, so capability checks still see the truth', () => {
    const session = withListCache(new CountingSession(), { cache, tenantId: 'demo' });
    expect(Reflect.get(session, 'listEntries')).toBeUndefined();
    expect(Reflect.get(session, 'uploadDocument')).toBeUndefined();
    expect(session.provider).toBe('MYUNISOFT');
    expect(typeof session.getCompany).toBe('function');
  });

  it('treats a failing store or an unreadable value as a miss', async () => {
    await store.set('tenant:demo:cache:MYUNISOFT:companies', '{"not":"a list"}');
    const inner = new CountingSession();
    expect(await withListCache(inner, { cache, tenantId: 'demo' }).listCompanies()).toEqual([company]);
    const broken = Object.assign(new MemoryStore(), {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
    });
    const failing = new StoreTtlCache({ store: broken });
    expect(await withListCache(inner, { cache: failing, tenantId: 'demo' }).listCompanies()).toEqual([
      company,
    ]);
    expect(inner.calls.listCompanies).toBe(2);
  });

  it('expires entries after the TTL', async () => {
    let now = 0;
    const clockStore = new MemoryStore(() => now);
    const short = new StoreTtlCache({ store: clockStore, ttlMs: 1_000 });
    const inner = new CountingSession();
    const session = withListCache(inner, { cache: short, tenantId: 'demo' });
    await session.listCompanies();
    now = 999;
    await session.listCompanies();
    now = 1_000;
    await session.listCompanies();
    expect(inner.calls.listCompanies).toBe(2);
  });
});
