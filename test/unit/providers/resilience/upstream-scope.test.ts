import {
  bindUpstreamScope,
  currentUpstreamScope,
  newUpstreamScope,
  runAsBulk,
  scopeOnlySignal,
} from '../../../../src/providers/resilience/upstream-scope';

describe('upstream scopes', () => {
  it('finds a request scope by the signal its calls carry, and none for another signal', () => {
    const signal = new AbortController().signal;
    const scope = newUpstreamScope('interactive', 1_000);
    bindUpstreamScope(signal, scope);
    expect(currentUpstreamScope(signal)).toBe(scope);
    expect(currentUpstreamScope(new AbortController().signal)).toBeUndefined();
    expect(currentUpstreamScope()).toBeUndefined();
  });

  it('gives a shared download a signal that names the same scope but is not aborted with the request', () => {
    const request = new AbortController();
    const scope = newUpstreamScope('interactive');
    bindUpstreamScope(request.signal, scope);
    const detached = scopeOnlySignal(request.signal)!;
    request.abort();
    expect(detached.aborted).toBe(false);
    expect(currentUpstreamScope(detached)).toBe(scope);
    expect(scopeOnlySignal(new AbortController().signal)).toBeUndefined();
    expect(scopeOnlySignal(undefined)).toBeUndefined();
  });

  it('runs bulk work in a bulk scope, which a request signal outranks', async () => {
    const signal = new AbortController().signal;
    const scope = newUpstreamScope('interactive');
    bindUpstreamScope(signal, scope);
    await runAsBulk(async () => {
      await Promise.resolve();
      expect(currentUpstreamScope()?.priority).toBe('bulk');
      expect(currentUpstreamScope(signal)).toBe(scope);
    });
  });
});
