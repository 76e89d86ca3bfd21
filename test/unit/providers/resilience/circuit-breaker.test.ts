import { CircuitBreaker, type BreakerState } from '../../../../src/providers/resilience/circuit-breaker';

function breakerWithClock(options: { failureThreshold?: number; resetTimeoutMs?: number } = {}) {
  let now = 1_000;
  const changes: [BreakerState, BreakerState][] = [];
  const breaker = new CircuitBreaker({
    ...options,
    now: () => now,
    onStateChange: (state, previous) => changes.push([previous, state]),
  });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

const fail = (breaker: CircuitBreaker, times: number) => {
  for (let i = 0; i < times; i++) breaker.tryAcquire()?.failure();
};

describe('CircuitBreaker', () => {
  it('opens after 5 consecutive failures by default and then refuses at once', () => {
    const { breaker, changes } = breakerWithClock();
    fail(breaker, 4);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBeNull();
    expect(changes).toEqual([['closed', 'open']]);
  });

  it('counts only consecutive failures: a success resets the count', () => {
    const { breaker } = breakerWithClock({ failureThreshold: 3 });
    fail(breaker, 2);
    breaker.tryAcquire()?.success();
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
  });

  it('lets exactly one probe through once resetTimeoutMs (default 10 s) has passed, and closes on its success', () => {
    const { breaker, changes, advance } = breakerWithClock();
    fail(breaker, 5);
    advance(9_999);
    expect(breaker.state).toBe('open');
    advance(1);
    expect(breaker.state).toBe('half-open');
    const probe = breaker.tryAcquire();
    expect(probe).not.toBeNull();
    expect(breaker.tryAcquire()).toBeNull();
    probe?.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).not.toBeNull();
    expect(changes).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('reopens for a full reset period when the probe fails', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1, resetTimeoutMs: 500 });
    fail(breaker, 1);
    advance(500);
    breaker.tryAcquire()?.failure();
    expect(breaker.state).toBe('open');
    advance(499);
    expect(breaker.tryAcquire()).toBeNull();
    advance(1);
    expect(breaker.state).toBe('half-open');
  });

  it('frees the probe slot when the probe is released without an outcome', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1, resetTimeoutMs: 100 });
    fail(breaker, 1);
    advance(100);
    breaker.tryAcquire()?.release();
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).not.toBeNull();
  });

  it('ignores outcomes of calls started before the last state change and second settlements', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 2, resetTimeoutMs: 100 });
    const slow = breaker.tryAcquire();
    fail(breaker, 2);
    slow?.success(); // started while closed: must not close the now-open breaker
    expect(breaker.state).toBe('open');
    advance(100);
    const probe = breaker.tryAcquire();
    probe?.success();
    probe?.failure();
    expect(breaker.state).toBe('closed');
  });

  it('execute() runs the call, counts a rejection as a failure and refuses with the caller error when open', async () => {
    const { breaker } = breakerWithClock({ failureThreshold: 1 });
    const refused = () => new Error('circuit open');
    await expect(breaker.execute(async () => 42, refused)).resolves.toBe(42);
    await expect(breaker.execute(() => Promise.reject(new Error('boom')), refused)).rejects.toThrow('boom');
    const call = jest.fn(async () => 1);
    await expect(breaker.execute(call, refused)).rejects.toThrow('circuit open');
    expect(call).not.toHaveBeenCalled();
  });
});
