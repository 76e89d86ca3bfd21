/** What every provider simulator shares: how it is started, and what a test can see of it. */
import type { Server } from 'node:http';
import type { SimulatorDataset } from './data/dataset';

export interface SimulatorOptions {
  /** The generated data the simulator serves (shared by the four simulators). */
  dataset: SimulatorDataset;
  /** Port to listen on; 0 picks an ephemeral port. */
  port?: number;
  /** Always loopback. */
  host?: string;
  /** Fixed latency added to every response, in ms (default 0). */
  latencyMs?: number;
  /**
   * Enforce the provider's documented limits (MyUnisoft 20 req / 10 s per token and 10 concurrent calls
   * per route, Inqom ~15 req/s per client and user). Default true: the simulators are as strict as the
   * docs; a test or the bench that turns this off says why.
   */
  enforceRateLimits?: boolean;
  /** Clock, so lifecycles and expiries can be driven by tests (default Date.now). */
  now?: () => number;
}

/** One request as the simulator saw it: for tests that count upstream calls. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  status: number;
  at: number;
  /** MyUnisoft's `society-id` header when sent: it, not the URL, names the company a call reads. */
  societyId?: string;
}

export interface RunningSimulator {
  readonly name: 'jepilote' | 'myunisoft' | 'inqom' | 'pleo';
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly server: Server;
  /** Every request served since start or the last `resetRequests()`. */
  readonly requests: RecordedRequest[];
  resetRequests(): void;
  close(): Promise<void>;
}
