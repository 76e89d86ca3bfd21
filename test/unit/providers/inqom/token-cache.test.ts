/** InqomTokenCache on its own: reuse until the margin, single flight, the store lock, refresh after 401. */
import { InqomTokenCache, type FetchedToken } from '../../../../src/providers/inqom/token-cache';
import { MemoryStore } from '../../../../src/store/memory-store';

const account = { authUrl: 'https://auth.example.test', clientId: 'client', username: 'api@example.test' };

function setup(
  options: { expiresInSeconds?: number; delayMs?: number; store?: MemoryStore; now?: () => number } = {},
) {
  let issued = 0;
  const store = options.store ?? new MemoryStore(options.now);
  const fetchToken = jest.fn(async (): Promise<FetchedToken> => {
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
    issued += 1;
    return { accessToken: `token-${issued}`, expiresInSeconds: options.expiresInSeconds ?? 3600 };
  });
  const cache = new InqomTokenCache({
    store,
    tenantId: 't1',
    account,
    fetchToken,
    pollMs: 5,
    ...(options.now ? { now: options.now } : {}),
  });
  return { cache, fetchToken, store };
}

describe('InqomTokenCache', () => {
  it('fetches once for concurrent callers and reuses the token', async () => {
    const { cache, fetchToken } = setup();
    const tokens = await Promise.all(Array.from({ length: 25 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(await cache.get()).toBe('token-1');
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes 60 s before expiry', async () => {
    let now = 1_000_000;
    const { cache, fetchToken } = setup({ now: () => now });
    expect(await cache.get()).toBe('token-1');
    now += 3_539_000;
    expect(await cache.get()).toBe('token-1');
    now += 2_000;
    expect(await cache.get()).toBe('token-2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('keeps short-lived tokens for half their life rather than not at all', async () => {
    let now = 0;
    const { cache, fetchToken } = setup({ now: () => now, expiresInSeconds: 30 });
    await cache.get();
    now += 14_000;
    await cache.get();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    now += 2_000;
    await cache.get();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('replaces a rejected token once for concurrent 401s, and ignores late reports of it', async () => {
    const { cache, fetchToken } = setup();
    const old = await cache.get();
    const fresh = await Promise.all(Array.from({ length: 10 }, () => cache.refresh(old)));
    expect(new Set(fresh)).toEqual(new Set(['token-2']));
    expect(await cache.refresh(old)).toBe('token-2');
    expect(await cache.get()).toBe('token-2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('lets two instances on one store fetch once (the store lock), and share a later refresh', async () => {
    const store = new MemoryStore();
    const a = setup({ store, delayMs: 30 });
    const b = setup({ store, delayMs: 30 });
    const tokens = await Promise.all([a.cache.get(), b.cache.get(), a.cache.get(), b.cache.get()]);
    expect(new Set(tokens).size).toBe(1);
    expect(a.fetchToken.mock.calls.length + b.fetchToken.mock.calls.length).toBe(1);
    const rejected = tokens[0];
    const [fromA, fromB] = await Promise.all([a.cache.refresh(rejected), b.cache.refresh(rejected)]);
    expect(fromA).toBe(fromB);
    expect(fromA).not.toBe(rejected);
    expect(a.fetchToken.mock.calls.length + b.fetchToken.mock.calls.length).toBe(2);
  });

  it('fetches its own token when another instance holds the lock too long', async () => {
    const store = new MemoryStore();
    const stuck = new InqomTokenCache({
      store,
      tenantId: 't1',
      account,
      fetchToken: () => new Promise(() => undefined),
    });
    void stuck.get(); // takes the store lock and never finishes
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fetchToken = jest.fn(async () => ({ accessToken: 'mine', expiresInSeconds: 3600 }));
    const impatient = new InqomTokenCache({
      store,
      tenantId: 't1',
      account,
      fetchToken,
      lockTtlMs: 40,
      pollMs: 5,
    });
    expect(await impatient.get()).toBe('mine');
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('surfaces a failed fetch to every waiter and retries on the next call', async () => {
    const store = new MemoryStore();
    const fetchToken = jest
      .fn<Promise<FetchedToken>, []>()
      .mockRejectedValueOnce(new Error('identity server down'))
      .mockResolvedValue({ accessToken: 'ok', expiresInSeconds: 3600 });
    const cache = new InqomTokenCache({ store, tenantId: 't1', account, fetchToken });
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await cache.get()).toBe('ok');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});
