/**
 * One GraphQL query that reads from the four providers at once (one aliased field each), and for each
 * provider the upstream route that field calls: fault tests break one route and check that only its
 * field fails, with a typed code, while the other three still answer.
 */
import { companyGlobalId } from '../../../src/domain/ids';
import type { SimulatorName } from '../../../src/simulators/harness';
import type { RunningSimulators } from '../../../src/simulators/harness';
import type { GqlResponse, Stack } from '../../support/stack';

export const PROBE_QUERY = `query Probe($pleo: ID!) {
  jepilote: companies(provider: JEPILOTE) { totalCount }
  myunisoft: companies(provider: MYUNISOFT) { totalCount }
  inqom: companies(provider: INQOM) { totalCount }
  pleo: company(id: $pleo) { entries(first: 2) { edges { node { id } } } }
}`;

export interface ProviderProbe {
  simulator: SimulatorName;
  /** The data route the probe field reads (method and path regex, as fault specs take them). */
  method: 'GET' | 'POST';
  path: string;
}

export const PROBES: Record<SimulatorName, ProviderProbe> = {
  jepilote: { simulator: 'jepilote', method: 'GET', path: '^/companies$' },
  myunisoft: { simulator: 'myunisoft', method: 'GET', path: '^/api/v1/society$' },
  inqom: { simulator: 'inqom', method: 'GET', path: '^/provisioning/companies/[^/]+/accounting-folders$' },
  // Pleo's entry search is a POST that only reads: the connector marks it idempotent.
  pleo: { simulator: 'pleo', method: 'POST', path: '^/v1/accounting-entries:search$' },
};

type ProbeData = Record<SimulatorName, unknown>;

export const probeVariables = (sims: RunningSimulators) => {
  const pleo = sims.dataset.companiesOf('pleo', 'demo')[0];
  if (!pleo) throw new Error('the dataset has no Pleo company for tenant demo');
  return { pleo: companyGlobalId('PLEO', pleo.id) };
};

export const runProbe = (stack: Stack): Promise<GqlResponse<ProbeData>> =>
  stack.gql<ProbeData>(PROBE_QUERY, probeVariables(stack.sims));

/** True when the field of `provider` carries data (companies found, or entries listed). */
export function hasData(body: GqlResponse<ProbeData>['body'], provider: SimulatorName): boolean {
  const field = body.data?.[provider] as
    { totalCount?: number; entries?: { edges: unknown[] } } | null | undefined;
  if (!field) return false;
  return provider === 'pleo' ? (field.entries?.edges.length ?? 0) > 0 : (field.totalCount ?? 0) > 0;
}

/** The errors whose path starts at the field of `provider`. */
export const errorsOf = (body: GqlResponse<ProbeData>['body'], provider: SimulatorName) =>
  (body.errors ?? []).filter((error) => error.path?.[0] === provider);

/** How many requests the simulator served on the probe's route since its last reset. */
export function probeRequests(sims: RunningSimulators, probe: ProviderProbe): number {
  const regex = new RegExp(probe.path);
  return sims.simulators[probe.simulator].requests.filter(
    (r) => r.method === probe.method && regex.test(r.path),
  ).length;
}
