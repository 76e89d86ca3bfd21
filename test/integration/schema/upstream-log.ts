/**
 * What reached the simulators, as comparable strings: `inqom GET /v1/dossiers/7/entry-lines?endDate=…`
 * with the query parameters sorted, so a test compares the calls a query cost with the calls it needs.
 */
import type { RunningSimulators, SimulatorName } from '../../../src/simulators/harness';

/** One upstream call as a string; `params` are sorted so the order a client wrote them in is irrelevant. */
export function call(
  simulator: SimulatorName,
  method: string,
  path: string,
  params: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
  query.sort();
  const text = query.toString();
  return `${simulator} ${method} ${path}${text ? `?${text}` : ''}`;
}

/** Every call the simulators recorded since the last reset, sorted (repeats kept, so duplicates show). */
export function upstreamCalls(sims: RunningSimulators): string[] {
  return Object.values(sims.simulators)
    .flatMap((sim) =>
      sim.requests.map((r) =>
        call(sim.name, r.method, r.path, Object.fromEntries(new URLSearchParams(r.query))),
      ),
    )
    .sort();
}

/** Calls recorded more than once: a DataLoader that failed to dedupe. */
export const repeatedCalls = (calls: string[]) => [
  ...new Set(calls.filter((c, i) => calls.indexOf(c) !== i)),
];
