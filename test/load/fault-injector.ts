/**
 * Faults about `rate` of upstream calls: before each gateway request, each provider gets, with
 * probability `rate`, one one-shot fault of a random kind on the route the request will call, added
 * through the simulator's admin API (`POST /__admin/faults`). Drawing per request spreads the faults
 * over the run, as real failures would be, instead of bunching them into consecutive calls.
 */
import { request } from 'undici';
import type { FaultSpec } from '../../src/simulators/faults';
import type { RunningSimulators, SimulatorName } from '../../src/simulators/harness';

const KINDS: Omit<FaultSpec, 'method' | 'path' | 'times'>[] = [
  { kind: 'latency', ms: 1_500 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 500 },
  { kind: 'rate_limit', retryAfter: 30 },
  { kind: 'reset' },
  { kind: 'stall' },
  { kind: 'malformed_json' },
  { kind: 'drift' },
  { kind: 'reset_after_commit' },
];

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultInjector {
  private injected = 0;
  constructor(
    private readonly sims: RunningSimulators,
    /** The route each provider's part of the request calls (method and path regex). */
    private readonly routes: Record<SimulatorName, { method: string; path: string }>,
    private readonly rate: number,
    private readonly random: () => number,
  ) {}

  get faultsInjected(): number {
    return this.injected;
  }

  /** Draws this request's faults and installs them. */
  async beforeRequest(): Promise<void> {
    const faulted = (Object.keys(this.routes) as SimulatorName[]).filter(() => this.random() < this.rate);
    await Promise.all(faulted.map((name) => this.inject(name)));
  }

  private async inject(name: SimulatorName): Promise<void> {
    const kind = KINDS[Math.floor(this.random() * KINDS.length)]!;
    const spec: FaultSpec = { ...kind, ...this.routes[name], times: 1 };
    const response = await request(`${this.sims.urls[name]}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    await response.body.dump();
    if (response.statusCode !== 204) throw new Error(`admin API of ${name} answered ${response.statusCode}`);
    this.injected++;
  }
}
