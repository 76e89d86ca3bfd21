/** Starts the four provider simulators on one shared dataset (ephemeral ports unless given). */
import { createDataset, type DatasetOptions, type SimulatorDataset } from './data/dataset';
import { createJepiloteSimulator } from './jepilote/server';
import { createMyUnisoftSimulator } from './myunisoft/server';
import { createInqomSimulator } from './inqom/server';
import { createPleoSimulator } from './pleo/server';
import type { SimulatorServer } from './http-kit';
import type { TokenGrantInput } from './myunisoft/token-routes';

export interface SimulatorsOptions extends DatasetOptions {
  /** Fixed latency per request, in ms (default 0). */
  latencyMs?: number;
  /** Fixed ports (`npm run simulators`); default ephemeral. */
  ports?: Partial<Record<SimulatorName, number>>;
  now?: () => number;
  /** The providers' documented rate limits (default true; see SimulatorOptions.enforceRateLimits). */
  enforceRateLimits?: boolean;
  /** MyUnisoft tokens accepted beside the demo ones, e.g. one limited to a few routes (default none). */
  myunisoftTokens?: readonly TokenGrantInput[];
  /** Origin the Inqom simulator's `ThumbUrl`s point at (default: the Inqom simulator itself). */
  inqomStorageUrl?: string;
}

export type SimulatorName = 'jepilote' | 'myunisoft' | 'inqom' | 'pleo';

export interface RunningSimulators {
  dataset: SimulatorDataset;
  simulators: Record<SimulatorName, SimulatorServer>;
  urls: Record<SimulatorName, string>;
  /** Every request any simulator served since the last reset. */
  totalRequests(): number;
  resetRequests(): void;
  close(): Promise<void>;
}

export async function startSimulators(options: SimulatorsOptions = {}): Promise<RunningSimulators> {
  const dataset = createDataset(options);
  const common = {
    dataset,
    latencyMs: options.latencyMs ?? 0,
    enforceRateLimits: options.enforceRateLimits ?? true,
    ...(options.now ? { now: options.now } : {}),
  };
  const [jepilote, myunisoft, inqom, pleo] = await Promise.all([
    createJepiloteSimulator({ ...common, port: options.ports?.jepilote ?? 0 }),
    createMyUnisoftSimulator({
      ...common,
      port: options.ports?.myunisoft ?? 0,
      ...(options.myunisoftTokens ? { tokens: options.myunisoftTokens } : {}),
    }),
    createInqomSimulator({
      ...common,
      port: options.ports?.inqom ?? 0,
      ...(options.inqomStorageUrl ? { storageUrl: options.inqomStorageUrl } : {}),
    }),
    createPleoSimulator({ ...common, port: options.ports?.pleo ?? 0 }),
  ]);
  const simulators = { jepilote, myunisoft, inqom, pleo };
  const all = Object.values(simulators);
  return {
    dataset,
    simulators,
    urls: { jepilote: jepilote.url, myunisoft: myunisoft.url, inqom: inqom.url, pleo: pleo.url },
    totalRequests: () => all.reduce((n, s) => n + s.requests.length, 0),
    resetRequests: () => all.forEach((s) => s.resetRequests()),
    close: async () => void (await Promise.all(all.map((s) => s.close()))),
  };
}
