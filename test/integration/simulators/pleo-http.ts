/** Shared by the Pleo simulator tests: a controllable clock, authenticated calls, fixture pickers. */
import { request } from 'undici';
import { createDataset, type GenCompany, type SimulatorDataset } from '../../../src/simulators/data/dataset';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createPleoSimulator } from '../../../src/simulators/pleo/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { PleoEntryIndex } from '../../../src/simulators/pleo/entry-index';
import { hasContraAccount } from '../../../src/simulators/pleo/accounting-entry';
import { planOutcome } from '../../../src/simulators/pleo/lifecycle';
import type { AutoOutcome } from '../../../src/simulators/pleo/jobs';

export const DEMO_AUTH = `Basic ${Buffer.from(`${demoCredentials.pleo.demo.apiKey}:`).toString('base64')}`;
export const OTHER_AUTH = `Bearer ${demoCredentials.pleo.other.token}`;

export class TestClock {
  constructor(public ms = Date.parse('2026-03-02T10:00:00Z')) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface PleoFixture {
  sim: SimulatorServer;
  dataset: SimulatorDataset;
  clock: TestClock;
  index: PleoEntryIndex;
  demoCompany: GenCompany;
  secondDemoCompany: GenCompany;
  otherCompany: GenCompany;
}

export async function startPleo(): Promise<PleoFixture> {
  const dataset = createDataset({ seed: 42 });
  const clock = new TestClock();
  const sim = await createPleoSimulator({ dataset, port: 0, now: clock.now });
  const [demoCompany, secondDemoCompany] = dataset.companiesOf('pleo', 'demo');
  const [otherCompany] = dataset.companiesOf('pleo', 'demo-other');
  if (!demoCompany || !secondDemoCompany || !otherCompany) throw new Error('dataset lacks Pleo companies');
  return {
    sim,
    dataset,
    clock,
    index: new PleoEntryIndex(dataset),
    demoCompany,
    secondDemoCompany,
    otherCompany,
  };
}

export interface CallResult {
  status: number;
  contentType: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON paths
  body: any;
}

export async function call(
  sim: SimulatorServer,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { body?: unknown; auth?: string | null; rawBody?: string } = {},
): Promise<CallResult> {
  const auth = options.auth === undefined ? DEMO_AUTH : options.auth;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await request(sim.url + path, {
    method,
    headers: {
      ...(auth ? { authorization: auth } : {}),
      ...(hasBody ? { 'content-type': 'application/json;charset=UTF-8' } : {}),
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.body.text();
  const contentType = response.headers['content-type'] as string | undefined;
  return { status: response.statusCode, contentType, body: text ? JSON.parse(text) : null };
}

/** Entry UUIDs of a company that an export job accepts (they have a contra account), in listing order. */
export function exportableEntryIds(fx: PleoFixture, company: GenCompany): string[] {
  return fx.index
    .entriesOf(company)
    .filter((ref) => hasContraAccount(fx.index.load(ref)))
    .map((ref) => ref.uuid);
}

export function entryWithoutContra(fx: PleoFixture, company: GenCompany): string {
  const ref = fx.index.entriesOf(company).find((candidate) => !hasContraAccount(fx.index.load(candidate)));
  if (!ref) throw new Error('no entry without contra account');
  return ref.uuid;
}

/** A window of `size` exportable entries whose auto-run outcome satisfies `wanted`. */
export function entrySetWith(
  fx: PleoFixture,
  company: GenCompany,
  size: number,
  wanted: (o: AutoOutcome) => boolean,
): string[] {
  const ids = exportableEntryIds(fx, company);
  for (let start = 0; start + size <= ids.length; start++) {
    const set = ids.slice(start, start + size);
    if (wanted(planOutcome(fx.dataset.seed, set))) return set;
  }
  throw new Error('no entry set with the wanted outcome');
}
