/** The (provider, credential) request budget on the shared store, with a clock moved by hand. */
import { UpstreamBudget } from '../../../../src/providers/resilience/upstream-budget';
import { MemoryStore } from '../../../../src/store/memory-store';
import { UpstreamError } from '../../../../src/errors';
import { FakeClock, settle } from '../../../support/fake-clock';

function budgetOf(clock: FakeClock, store = new MemoryStore(clock.now)) {
  return new UpstreamBudget({
    provider: 'MYUNISOFT',
    store,
    key: 'budget:MYUNISOFT:test',
    limit: { requests: 20, perMs: 10_000 },
    clock,
  });
}

/** Starts `n` takes and records the order in which they are granted or refused. */
function takeMany(
  budget: UpstreamBudget,
  n: number,
  deadline: number,
  priority: 'interactive' | 'bulk' = 'interactive',
) {
  const granted: number[] = [];
  const refused: UpstreamError[] = [];
  for (let i = 0; i < n; i++) {
    budget.take({ priority, deadline }).then(
      () => granted.push(i),
      (error: UpstreamError) => refused.push(error),
    );
  }
  return { granted, refused };
}

it('grants 20 calls at once, holds the 21st until the window frees up, then grants it', async () => {
  const clock = new FakeClock();
  const budget = budgetOf(clock);
  const { granted, refused } = takeMany(budget, 21, clock.now() + 60_000);
  await settle();
  expect(granted).toHaveLength(20);
  expect(budget.remaining).toBe(0);
  await clock.advance(11_000);
  expect(granted).toHaveLength(20);
  // A window and a spare bucket (for calls that reach the provider late) after the first 20.
  await clock.advance(1_500);
  expect(granted).toEqual([...Array(21).keys()]);
  expect(refused).toEqual([]);
});

it('never grants more than 20 in any 10 s, whatever the pace of the callers', async () => {
  const clock = new FakeClock();
  const budget = budgetOf(clock);
  const grantedAt: number[] = [];
  for (let i = 0; i < 70; i++)
    void budget
      .take({ priority: 'interactive', deadline: clock.now() + 600_000 })
      .then(() => grantedAt.push(clock.now()));
  for (let t = 0; t < 60_000; t += 250) await clock.advance(250);
  expect(grantedAt).toHaveLength(70);
  for (const start of grantedAt)
    expect(grantedAt.filter((at) => at >= start && at < start + 10_000).length).toBeLessThanOrEqual(20);
});

it('fails a call whose deadline comes before budget frees up, with retryAfterSeconds', async () => {
  const clock = new FakeClock();
  const budget = budgetOf(clock);
  takeMany(budget, 20, clock.now() + 60_000);
  await settle();
  const { refused } = takeMany(budget, 1, clock.now() + 2_000);
  await settle();
  expect(refused).toHaveLength(1);
  expect(refused[0]!.code).toBe('UPSTREAM_RATE_LIMITED');
  expect(refused[0]!.retryAfterSeconds).toBe(12);
});

it('serves waiting interactive calls before bulk ones queued earlier', async () => {
  const clock = new FakeClock();
  const budget = budgetOf(clock);
  takeMany(budget, 20, clock.now() + 60_000);
  await settle();
  const order: string[] = [];
  void budget.take({ priority: 'bulk', deadline: clock.now() + 600_000 }).then(() => order.push('bulk'));
  void budget
    .take({ priority: 'interactive', deadline: clock.now() + 600_000 })
    .then(() => order.push('interactive'));
  for (let t = 0; t < 30_000; t += 500) await clock.advance(500);
  expect(order).toEqual(['interactive', 'bulk']);
});

it('pauses for the provider when it says nothing is left, for every budget on the same store', async () => {
  const clock = new FakeClock();
  const store = new MemoryStore(clock.now);
  const first = budgetOf(clock, store);
  const second = budgetOf(clock, store);
  await first.sync(0, 7);
  const { granted } = takeMany(second, 1, clock.now() + 60_000);
  await clock.advance(6_000);
  expect(granted).toEqual([]);
  await clock.advance(1_500);
  expect(granted).toEqual([0]);
});

it('shares one count between two budgets of the same credential on one store', async () => {
  const clock = new FakeClock();
  const store = new MemoryStore(clock.now);
  const a = takeMany(budgetOf(clock, store), 15, clock.now() + 60_000);
  const b = takeMany(budgetOf(clock, store), 15, clock.now() + 60_000);
  await settle();
  expect(a.granted.length + b.granted.length).toBe(20);
});

it('counts a call from its answer: calls answered late hold their share of the window longer', async () => {
  const clock = new FakeClock();
  const budget = budgetOf(clock);
  const grants = await Promise.all(
    Array.from({ length: 20 }, () =>
      budget.take({ priority: 'interactive', deadline: clock.now() + 60_000 }),
    ),
  );
  const { granted } = takeMany(budget, 1, clock.now() + 60_000);
  await clock.advance(3_000);
  // The provider answered 3 s after the calls left: it may have counted them that late.
  await Promise.all(grants.map((grant) => grant.settle()));
  await clock.advance(9_500);
  expect(granted).toEqual([]);
  await clock.advance(3_000);
  expect(granted).toEqual([0]);
});

it('keeps counting in this instance’s memory while the shared store fails: calls still go out, within the quota', async () => {
  const clock = new FakeClock();
  const store = new MemoryStore(clock.now);
  store.increment = () => Promise.reject(new Error('store unreachable'));
  const { granted, refused } = takeMany(budgetOf(clock, store), 21, clock.now() + 60_000);
  await settle();
  expect(granted).toHaveLength(20);
  expect(refused).toEqual([]);
  await clock.advance(12_500);
  expect(granted).toHaveLength(21);
});
