/**
 * One contract, two backends: every SharedStore method behaves the same in memory and on a real
 * redis-server, including expiry and atomicity under concurrent callers.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { MemoryStore } from '../../../src/store/memory-store';
import { RedisStore } from '../../../src/store/redis-store';
import type { SharedStore } from '../../../src/store/types';
import { SteppingClock } from '../../support/stepping-clock';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';

let redis: RunningRedis;
const opened: SharedStore[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await redis.stop();
});

/** A store and a way to move its time forward by `ms` without waiting. */
interface Backend {
  store: SharedStore;
  advance: (ms: number) => Promise<void>;
}

function memoryBackend(): Backend {
  const clock = new SteppingClock();
  return { store: new MemoryStore(clock.now), advance: async (ms) => clock.advance(ms) };
}

// Redis keeps its own time: moving it forward is taking `ms` off every key's remaining ttl (PTTL),
// so the test sees exactly the ttl our code set, with ttls long enough that nothing expires by itself.
function redisBackend(): Backend {
  // A fresh prefix per test keeps tests independent on the one server.
  const keyPrefix = `test:${randomUUID()}:`;
  const admin = new Redis(redis.url);
  admin.on('error', () => undefined);
  const store = new RedisStore({ url: redis.url, keyPrefix });
  const close = store.close.bind(store);
  store.close = async () => (await close(), admin.disconnect());
  const advance = async (ms: number) => {
    for (const key of await admin.keys(`${keyPrefix}*`)) {
      const left = await admin.pttl(key);
      if (left < 0) continue;
      if (left <= ms) await admin.del(key);
      else await admin.pexpire(key, left - ms);
    }
  };
  return { store, advance };
}

const backends: [string, () => Backend][] = [
  ['memory', memoryBackend],
  ['redis', redisBackend],
];

describe.each(backends)('SharedStore contract on %s', (_name, open) => {
  let store: SharedStore;
  let advance: Backend['advance'];

  beforeEach(() => {
    ({ store, advance } = open());
    opened.push(store);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('gets what was set, null for a missing key, and overwrites', async () => {
    expect(await store.get('k')).toBeNull();
    await store.set('k', 'one');
    expect(await store.get('k')).toBe('one');
    await store.set('k', '{"json":"é"}');
    expect(await store.get('k')).toBe('{"json":"é"}');
  });

  it('expires a value after its ttl and keeps one without ttl', async () => {
    await store.set('short', 'v', 60_000);
    await store.set('forever', 'v');
    await advance(59_000);
    expect(await store.get('short')).toBe('v');
    await advance(1_000);
    expect(await store.get('short')).toBeNull();
    expect(await store.get('forever')).toBe('v');
  });

  it('deletes values and lists, and deleting a missing key is fine', async () => {
    await store.set('k', 'v');
    await store.listAppend('l', 'a');
    await store.delete('k');
    await store.delete('l');
    await store.delete('never-set');
    expect(await store.get('k')).toBeNull();
    expect(await store.listLength('l')).toBe(0);
  });

  it('setIfAbsent sets only the first time, and again once the value expired', async () => {
    expect(await store.setIfAbsent('lock', 'a', 60_000)).toBe(true);
    expect(await store.setIfAbsent('lock', 'b', 60_000)).toBe(false);
    expect(await store.get('lock')).toBe('a');
    await advance(60_000);
    expect(await store.setIfAbsent('lock', 'c')).toBe(true);
    expect(await store.get('lock')).toBe('c');
  });

  it('lets exactly one of 100 concurrent setIfAbsent calls win', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.setIfAbsent('race', `writer-${i}`, 10_000)),
    );
    const winners = results.flatMap((won, i) => (won ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await store.get('race')).toBe(`writer-${winners[0]}`);
  });

  it('increments from zero, by a step, and loses no update under 200 concurrent calls', async () => {
    expect(await store.increment('n')).toBe(1);
    expect(await store.increment('n', 5)).toBe(6);
    expect(await store.increment('n', -2)).toBe(4);
    const values = await Promise.all(Array.from({ length: 200 }, () => store.increment('hits')));
    expect(new Set(values).size).toBe(200);
    expect(Math.max(...values)).toBe(200);
    expect(await store.get('hits')).toBe('200');
  });

  it('sets the ttl only when increment creates the key (a fixed rate-limit window)', async () => {
    expect(await store.increment('window', 1, 120_000)).toBe(1);
    await advance(60_000);
    // A later increment with a new ttl must not push the window's end back.
    expect(await store.increment('window', 1, 120_000)).toBe(2);
    await advance(60_000);
    expect(await store.get('window')).toBeNull();
    expect(await store.increment('window', 1, 120_000)).toBe(1);
  });

  it('appends to lists oldest first and reads ranges like LRANGE', async () => {
    expect(await store.listLength('events')).toBe(0);
    expect(await store.listRange('events', 0, -1)).toEqual([]);
    for (const item of ['a', 'b', 'c', 'd']) await store.listAppend('events', item);
    expect(await store.listLength('events')).toBe(4);
    expect(await store.listRange('events', 0, -1)).toEqual(['a', 'b', 'c', 'd']);
    expect(await store.listRange('events', 1, 2)).toEqual(['b', 'c']);
    expect(await store.listRange('events', 2, 10)).toEqual(['c', 'd']);
    expect(await store.listRange('events', 0, -2)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every item of 100 concurrent appends', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.listAppend('many', String(i))));
    const items = await store.listRange('many', 0, -1);
    expect(items).toHaveLength(100);
    expect(new Set(items).size).toBe(100);
  });

  it('compare-and-delete frees a lock only for the value it holds', async () => {
    await store.set('lock', 'holder-a', 10_000);
    expect(await store.compareAndDelete('lock', 'holder-b')).toBe(false);
    expect(await store.get('lock')).toBe('holder-a');
    expect(await store.compareAndDelete('lock', 'holder-a')).toBe(true);
    expect(await store.get('lock')).toBeNull();
    expect(await store.compareAndDelete('lock', 'holder-a')).toBe(false);
  });

  it('compare-and-extend renews only its own lease, and not one that already expired', async () => {
    await store.set('lease', 'mine', 100);
    expect(await store.compareAndExtend('lease', 'theirs', 10_000)).toBe(false);
    expect(await store.compareAndExtend('lease', 'mine', 10_000)).toBe(true);
    await advance(150);
    expect(await store.get('lease')).toBe('mine');
    await store.set('short', 'mine', 30);
    await advance(80);
    expect(await store.compareAndExtend('short', 'mine', 10_000)).toBe(false);
    expect(await store.get('short')).toBeNull();
  });

  it('leases at most `capacity` slots of a key; a holder renews its own, a release frees one', async () => {
    expect(await store.leaseSlot('route', 'a', 2, 10_000)).toBe(true);
    expect(await store.leaseSlot('route', 'b', 2, 10_000)).toBe(true);
    expect(await store.leaseSlot('route', 'c', 2, 10_000)).toBe(false);
    // A holder's renewal is not a new slot: it is granted at capacity.
    expect(await store.leaseSlot('route', 'a', 2, 10_000)).toBe(true);
    expect(await store.leaseSlot('other route', 'c', 2, 10_000)).toBe(true);
    await store.releaseSlot('route', 'b');
    await store.releaseSlot('route', 'b');
    await store.releaseSlot('route', 'nobody');
    expect(await store.leaseSlot('route', 'c', 2, 10_000)).toBe(true);
    expect(await store.leaseSlot('route', 'b', 2, 10_000)).toBe(false);
  });

  it("frees a slot whose holder stopped renewing once its lease lapsed; the holder's late renewal is refused", async () => {
    expect(await store.leaseSlot('route', 'a', 1, 100)).toBe(true);
    expect(await store.leaseSlot('route', 'b', 1, 100)).toBe(false);
    await advance(150);
    expect(await store.leaseSlot('route', 'b', 1, 10_000)).toBe(true);
    expect(await store.leaseSlot('route', 'a', 1, 10_000)).toBe(false);
  });

  it('grants exactly `capacity` of 60 concurrent leases', async () => {
    const granted = await Promise.all(
      Array.from({ length: 60 }, (_, i) => store.leaseSlot('route', `h${i}`, 7, 10_000)),
    );
    expect(granted.filter(Boolean)).toHaveLength(7);
  });

  it('hands out fencing tokens that only grow, one holder at a time, across expiry', async () => {
    const first = await store.acquireFenced('fenced', 60);
    expect(first).not.toBeNull();
    expect(await store.acquireFenced('fenced', 60)).toBeNull();
    expect(await store.get('fenced')).toBe(String(first));
    await advance(120);
    const second = await store.acquireFenced('fenced', 10_000);
    expect(second).toBeGreaterThan(first!);
    const racers = await Promise.all(Array.from({ length: 50 }, () => store.acquireFenced('race', 10_000)));
    expect(racers.filter((fence) => fence !== null)).toHaveLength(1);
  });

  it('refuses a fenced write or delete older than the last one, keeping the newer value', async () => {
    expect(await store.setFenced('record', 'from-1', 1, 10_000)).toBe(true);
    expect(await store.setFenced('record', 'from-2', 2, 10_000)).toBe(true);
    // The holder of fence 1 wakes up late: its outcome must not replace its successor's.
    expect(await store.setFenced('record', 'late-1', 1, 10_000)).toBe(false);
    expect(await store.deleteFenced('record', 1)).toBe(false);
    expect(await store.get('record')).toBe('from-2');
    expect(await store.setFenced('record', 'again-2', 2)).toBe(true);
    expect(await store.deleteFenced('record', 3)).toBe(true);
    expect(await store.get('record')).toBeNull();
    expect(await store.setFenced('record', 'late-2', 2, 10_000)).toBe(false);
  });
});
