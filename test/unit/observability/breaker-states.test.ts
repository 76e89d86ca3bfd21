import { BreakerStates } from '../../../src/observability/breaker-states';

describe('BreakerStates', () => {
  it('reports the worst state among a provider’s breakers', () => {
    const states = new BreakerStates();
    const change = (provider: 'INQOM' | 'PLEO', previous: string, state: string) =>
      states.apply({ provider, previous, state } as Parameters<BreakerStates['apply']>[0]);
    expect(change('INQOM', 'closed', 'open')).toBe('open'); // tenant A's breaker
    expect(change('INQOM', 'closed', 'open')).toBe('open'); // tenant B's breaker
    expect(change('PLEO', 'closed', 'open')).toBe('open');
    expect(change('INQOM', 'open', 'half-open')).toBe('open'); // B still open
    expect(change('INQOM', 'half-open', 'closed')).toBe('open');
    expect(change('INQOM', 'open', 'half-open')).toBe('half-open');
    expect(change('INQOM', 'half-open', 'closed')).toBe('closed');
  });
});
