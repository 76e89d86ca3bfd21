/**
 * Folds the state changes of every circuit breaker of a provider (one per tenant account and client)
 * into one value per provider: the worst of them, as `circuit_breaker_state` reports it.
 * An open breaker reports half-open only once a call finds its reset time passed, so the gauge stays
 * at 2 until the next call to that provider probes it.
 */
import type { BreakerState, BreakerStateChange } from '../providers/http';

/** The gauge value of a state: 0 closed, 1 half-open, 2 open. */
export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export class BreakerStates {
  /** provider → how many of its breakers are open / half-open (closed ones need no count). */
  private readonly counts = new Map<string, { open: number; 'half-open': number }>();

  /** Records a change and returns the provider's worst state now. */
  apply(change: BreakerStateChange): BreakerState {
    let count = this.counts.get(change.provider);
    if (!count) {
      count = { open: 0, 'half-open': 0 };
      this.counts.set(change.provider, count);
    }
    if (change.previous !== 'closed') count[change.previous] = Math.max(0, count[change.previous] - 1);
    if (change.state !== 'closed') count[change.state] += 1;
    return count.open > 0 ? 'open' : count['half-open'] > 0 ? 'half-open' : 'closed';
  }
}
