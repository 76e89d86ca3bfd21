import { z } from 'zod';
import { ListingSnapshots } from '../../../src/cache/listing-snapshots';
import { MemoryStore } from '../../../src/store/memory-store';

const row = z.object({ n: z.number() });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ n: from + i }));

function setup(tenantId = 't1', store = new MemoryStore(() => clock.at), reuse = true) {
  const snapshots = new ListingSnapshots({
    store,
    tenantId,
    reuse,
    ttlMs: 60_000,
    chunkSize: 4,
    now: () => clock.at,
  });
  return { snapshots, store };
}
const clock = { at: 1_000_000 };

describe('ListingSnapshots', () => {
  beforeEach(() => {
    clock.at = 1_000_000;
  });

  it('stores a download as serialised chunks and reads any slice across chunk boundaries', async () => {
    const { snapshots, store } = setup();
    const set = jest.spyOn(store, 'set');
    let downloads = 0;
    const snapshot = await snapshots.load('list', row, async (write) => {
      downloads++;
      await write(rows(0, 3));
      await write(rows(3, 7));
    });
    expect(snapshot.count).toBe(10);
    expect(snapshot.fetchedAt).toBe(new Date(1_000_000).toISOString());
    // Three chunks of at most four records, then the snapshot record: strings, never objects.
    expect(set).toHaveBeenCalledTimes(4);
    expect(set.mock.calls.every(([, value]) => typeof value === 'string')).toBe(true);
    expect(await snapshot.read(2, 7)).toEqual(rows(2, 7));
    expect(await snapshot.read(8, 50)).toEqual(rows(8, 2));
    expect(await snapshot.findIndex((r) => r.n > 5)).toBe(6);
    const again = await snapshots.load('list', row, async () => void downloads++);
    expect(again.id).toBe(snapshot.id);
    expect(downloads).toBe(1);
  });

  it('shares one download between concurrent callers', async () => {
    const { snapshots } = setup();
    let downloads = 0;
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      downloads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await write(rows(0, 2));
    };
    const [a, b] = await Promise.all([
      snapshots.load('l', row, download),
      snapshots.load('l', row, download),
    ]);
    expect(a.id).toBe(b.id);
    expect(downloads).toBe(1);
  });

  it('without reuse (list cache off) a new read downloads again, while a cursor reads or joins its own', async () => {
    const { snapshots } = setup('t1', undefined, false);
    let downloads = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async (write: (batch: { n: number }[]) => Promise<void>) => {
      downloads++;
      await gate;
      await write(rows(0, 2));
    };
    const first = snapshots.load('l', row, slow);
    const second = snapshots.load('l', row, slow);
    await Promise.resolve();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.id).not.toBe(b.id);
    expect(downloads).toBe(2);
    // A cursor naming the live snapshot reads it; a new read does not.
    const own = await snapshots.load('l', row, slow, b.id);
    expect(own.id).toBe(b.id);
    await snapshots.load('l', row, slow);
    expect(downloads).toBe(3);
    // A cursor naming a download under way joins it.
    let releaseLast = () => {};
    const last = new Promise<void>((resolve) => (releaseLast = resolve));
    const started = snapshots.loadHead(
      'm',
      row,
      async (write) => {
        downloads++;
        await write(rows(0, 1));
        await last;
        await write(rows(1, 1));
      },
      1,
    );
    const head = await started;
    const joined = snapshots.load('m', row, slow, head.id);
    releaseLast();
    expect((await joined).id).toBe(head.id);
    expect(downloads).toBe(4);
  });

  it('hands over the first rows of a download under way, then the stored snapshot to later callers', async () => {
    const { snapshots } = setup();
    let release!: () => void;
    const rest = new Promise<void>((resolve) => (release = resolve));
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      await write(rows(0, 3));
      await rest;
      await write(rows(3, 3));
    };
    const head = await snapshots.loadHead('l', row, download, 2);
    expect('read' in head).toBe(false);
    expect(head).toMatchObject({ rows: rows(0, 2), fetchedAt: new Date(1_000_000).toISOString() });
    // More rows than the listing holds: the whole snapshot, once stored.
    const waiting = snapshots.loadHead('l', row, download, 7);
    release();
    const whole = await waiting;
    expect('read' in whole && whole.id).toBe(head.id);
    expect('read' in whole && (await whole.read(0, 10))).toEqual(rows(0, 6));
    expect('read' in (await snapshots.loadHead('l', row, download, 2))).toBe(true);
  });

  it('hands over a download under way growing once it stored `need` records, then the whole snapshot', async () => {
    const { snapshots } = setup();
    let release!: () => void;
    const rest = new Promise<void>((resolve) => (release = resolve));
    let downloads = 0;
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      downloads++;
      await write(rows(0, 3));
      await write(rows(3, 6)); // chunks of 0–3 and 4–7 written, the ninth record pending
      await rest;
      await write(rows(9, 3));
    };
    const growing = await snapshots.load('l', row, download, undefined, 5);
    expect(growing).toMatchObject({ growing: true, count: 8, fetchedAt: new Date(1_000_000).toISOString() });
    expect(await growing.read(2, 10)).toEqual(rows(2, 6));
    expect(await growing.findIndex((r) => r.n === 7)).toBe(7);
    // A cursor naming it reads it growing only when it says how many records it needs.
    expect(await snapshots.open('l', growing.id, row)).toBeNull();
    expect(await snapshots.open('l', 'other id', row, 1)).toBeNull();
    expect((await snapshots.open('l', growing.id, row, 8))?.count).toBe(8);
    const more = snapshots.open('l', growing.id, row, 9);
    const all = snapshots.load('l', row, download, undefined, 13);
    release();
    expect(await more).toMatchObject({ id: growing.id, growing: true, count: 12 });
    const whole = await all;
    expect(whole.growing).toBeUndefined();
    expect(whole).toMatchObject({ id: growing.id, count: 12 });
    expect(await whole.read(0, 20)).toEqual(rows(0, 12));
    expect(downloads).toBe(1);
  });

  it('a download that fails fails the reads waiting for it; what it stored reads as expired', async () => {
    const { snapshots } = setup();
    let fail!: () => void;
    const broken = new Promise<void>((_, reject) => (fail = () => reject(new Error('upstream gone'))));
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      await write(rows(0, 4));
      await broken;
    };
    const growing = await snapshots.load('l', row, download, undefined, 4);
    expect(await growing.read(0, 4)).toEqual(rows(0, 4));
    const waiting = snapshots.open('l', growing.id, row, 5);
    fail();
    await expect(waiting).rejects.toThrow('upstream gone');
    expect(await growing.read(0, 4)).toBeNull();
    expect(await snapshots.open('l', growing.id, row, 1)).toBeNull();
  });

  /** Instances `a` and `b` on one store; `a` downloads `first` rows, then the rest once `gate` settles. */
  async function twoInstances(first: number, gate: Promise<void>, rest: number) {
    const store = new MemoryStore(() => clock.at);
    const a = setup('t1', store).snapshots;
    const b = setup('t1', store).snapshots;
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      await write(rows(0, first));
      await gate;
      await write(rows(first, rest));
    };
    return { store, a, b, growing: await a.load('l', row, download, undefined, 1) };
  }

  it('a cursor of a snapshot another instance is still storing waits for it there, never downloading it again', async () => {
    let release!: () => void;
    const { b, growing } = await twoInstances(4, new Promise<void>((resolve) => (release = resolve)), 2);
    let downloadsOfB = 0;
    const onB = b.open('l', growing.id, row, 3);
    setTimeout(release, 120);
    const whole = await onB;
    expect(whole).toMatchObject({ id: growing.id, count: 6 });
    expect(whole?.growing).toBeUndefined();
    expect(await whole?.read(0, 10)).toEqual(rows(0, 6));
    // A snapshot nobody is storing: at once null, for the page to download its window.
    expect(await b.open('l', 'unknown id', row, 3)).toBeNull();
    await b.load('l', row, async () => void downloadsOfB++);
    expect(downloadsOfB).toBe(0);
  });

  it('a failed download leaves no chunk behind: a cursor on another instance does not wait for it', async () => {
    let fail!: () => void;
    const broken = new Promise<void>((_, reject) => (fail = () => reject(new Error('upstream gone'))));
    const { store, a, b, growing } = await twoInstances(9, broken, 0);
    expect(store.size).toBe(2);
    const done = a.load('l', row, async () => undefined, growing.id);
    fail();
    await expect(done).rejects.toThrow('upstream gone');
    expect(store.size).toBe(0);
    expect(await b.open('l', growing.id, row, 1)).toBeNull();
  });

  it('with `whole`, hands over a listing shorter than the head once downloaded, before its last chunk is stored', async () => {
    const { snapshots, store } = setup();
    const set = jest.spyOn(store, 'set');
    let downloads = 0;
    const download = async (write: (batch: { n: number }[]) => Promise<void>) => {
      downloads++;
      await write(rows(0, 6));
    };
    const head = await snapshots.loadHead('l', row, download, 501, { whole: true });
    if ('read' in head) throw new Error('expected a head');
    expect(head).toMatchObject({ rows: rows(0, 6), count: 6, fetchedAt: new Date(1_000_000).toISOString() });
    // The first chunk of four was written as the rows arrived; the last one and the record come after.
    expect(set).toHaveBeenCalledTimes(1);
    const joined = await snapshots.load('l', row, download, head.id);
    expect(joined.id).toBe(head.id);
    expect(await joined.read(0, 10)).toEqual(rows(0, 6));
    expect(set).toHaveBeenCalledTimes(3);
    expect(downloads).toBe(1);
  });

  it('expires after the TTL: the named snapshot is gone and the next load downloads again', async () => {
    const { snapshots } = setup();
    const first = await snapshots.load('l', row, (write) => write(rows(0, 2)));
    clock.at += 59_999;
    expect((await snapshots.open('l', first.id, row))?.id).toBe(first.id);
    clock.at += 1;
    expect(await snapshots.open('l', first.id, row)).toBeNull();
    const second = await snapshots.load('l', row, (write) => write(rows(5, 1)));
    expect(second.id).not.toBe(first.id);
    expect(await second.read(0, 5)).toEqual(rows(5, 1));
  });

  it("never shows one tenant's snapshot to another, even given its id", async () => {
    const store = new MemoryStore(() => clock.at);
    const a = setup('tenant-a', store).snapshots;
    const b = setup('tenant-b', store).snapshots;
    const ofA = await a.load('same listing', row, (write) => write(rows(0, 3)));
    expect(await b.open('same listing', ofA.id, row)).toBeNull();
    let downloadsOfB = 0;
    const ofB = await b.load('same listing', row, async (write) => {
      downloadsOfB++;
      await write(rows(100, 1));
    });
    expect(downloadsOfB).toBe(1);
    expect(await ofB.read(0, 10)).toEqual(rows(100, 1));
    expect(await ofA.read(0, 10)).toEqual(rows(0, 3));
  });

  it('never reads rows another build stored in another format: each format version keys its own snapshots', async () => {
    // Two builds of a rolling deploy on one store: the older stores a number per row, the newer an object.
    const store = new MemoryStore(() => clock.at);
    const older = {
      version: 'n-1',
      schema: row,
      toValues: (r: { n: number }) => r.n,
      // Anything toValues did not make is returned as is (RowFormat.fromValues).
      fromValues: (v: unknown) => (typeof v === 'number' ? { n: v } : v) as { n: number },
    };
    const newer = { version: 'n-2', schema: row };
    const ofOlder = await setup('t1', store).snapshots.load('l', older, (write) => write(rows(0, 3)));
    const { snapshots } = setup('t1', store);
    // A cursor the older build issued names a snapshot the newer does not open, though the listing is the same.
    expect(await snapshots.open('l', ofOlder.id, newer)).toBeNull();
    expect(await snapshots.settled('l', ofOlder.id, newer)).toBeNull();
    let downloads = 0;
    const ofNewer = await snapshots.load('l', newer, async (write) => {
      downloads++;
      await write(rows(10, 2));
    });
    expect(downloads).toBe(1);
    expect(ofNewer.id).not.toBe(ofOlder.id);
    expect(await ofNewer.read(0, 5)).toEqual(rows(10, 2));
    // Each build still finds its own.
    expect((await snapshots.open('l', ofOlder.id, older))?.id).toBe(ofOlder.id);
    expect(
      await (await snapshots.load('l', older, () => Promise.reject(new Error('no download')))).read(0, 5),
    ).toEqual(rows(0, 3));
  });

  it('checks records read back from the store, and treats a lost chunk as an expired snapshot', async () => {
    const { snapshots, store } = setup();
    const snapshot = await snapshots.load('l', row, (write) => write(rows(0, 6)));
    const chunkKey = `tenant:t1:snapshot-chunk:${snapshot.id}:1`;
    await store.set(chunkKey, JSON.stringify([{ n: 'x' }]));
    await expect(snapshot.read(4, 1)).rejects.toThrow();
    await store.delete(chunkKey);
    expect(await snapshot.read(4, 1)).toBeNull();
    expect(await snapshots.open('l', snapshot.id, row)).toBeNull();
  });
});

describe('MemoryStore under snapshots', () => {
  it('drops expired chunks nobody reads again, on a later write', async () => {
    const store = new MemoryStore(() => clock.at);
    const { snapshots } = setup('t1', store);
    await snapshots.load('big', row, (write) => write(rows(0, 40)));
    expect(store.size).toBe(11);
    clock.at += 60_000;
    await store.set('other', 'x');
    expect(store.size).toBe(1);
  });
});

describe('ListingSnapshots memory bound', () => {
  it('deletes the snapshots it wrote longest ago once past maxChars; a replaced one goes at once', async () => {
    clock.at = 1_000_000;
    const store = new MemoryStore(() => clock.at);
    const snapshots = new ListingSnapshots({
      store,
      tenantId: 't1',
      chunkSize: 4,
      maxChars: 170,
      now: () => clock.at,
    });
    const write = (from: number) => (w: (batch: { n: number }[]) => Promise<void>) => w(rows(from, 8));
    const a = await snapshots.load('a', row, write(0)); // 66, 82 and 82 characters
    const b = await snapshots.load('b', row, write(100));
    expect(store.size).toBe(6);
    const c = await snapshots.load('c', row, write(200));
    expect(await snapshots.open('a', a.id, row)).toBeNull();
    expect(await a.read(0, 1)).toBeNull();
    expect((await snapshots.open('b', b.id, row))?.id).toBe(b.id);
    expect(await c.read(7, 1)).toEqual(rows(207, 1));
    expect(store.size).toBe(6);
    // An expired snapshot downloaded again: the old chunks go with the new record.
    clock.at += 60_000;
    await snapshots.load('c', row, write(300));
    expect(store.size).toBe(3);
  });
});
