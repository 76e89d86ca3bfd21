/**
 * The five writes the exactly-once tests drive through real gateway processes, each with what it
 * takes to send it again with the same key and to count its effect at the simulator: Inqom documents
 * of the upload's checksum, Pleo jobs created, Pleo job events accepted, Jepilote flagging exports
 * that flagged documents.
 */
import { createHash, randomUUID } from 'node:crypto';
import { companyGlobalId, decodeGlobalId } from '../../../src/domain/ids';
import type { RunningSimulators } from '../../../src/simulators/harness';
import {
  createExpenseBill,
  createExportJob,
  firstCode,
  updateExportJobStatus,
  uploadDocument,
  type GatewayAddress,
} from '../idempotency/mutation-calls';

type Answer = Awaited<ReturnType<typeof createExportJob>>;

export interface PreparedWrite {
  /** Sends the write, always with the same key and input. */
  send(gateway: GatewayAddress): Promise<Answer>;
  /** Writes that took effect at the simulator so far. */
  writes(): Promise<number>;
  /** Faults aimed at the write's upstream call (Jepilote: the flagging phase, the second POST). */
  fault(kind: 'slow_commit', ms: number): void;
}

export interface WriteKind {
  name: string;
  prepare(index: number): Promise<PreparedWrite>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex').toUpperCase();

async function gql<T>(gateway: GatewayAddress, query: string, variables: Record<string, unknown>) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: T }).data;
}

/** The id of an answer's payload, or null when it failed. */
export const answeredId = (answer: Answer): string | null => {
  const payload = Object.values(answer.body.data ?? {})[0];
  return typeof payload?.id === 'string' ? payload.id : null;
};

/** Sends again while the answer says "retry later" (outcome uncertain, in progress, store down). */
export async function settle(send: () => Promise<Answer>): Promise<Answer> {
  const retryable = ['IDEMPOTENCY_OUTCOME_UNCERTAIN', 'IDEMPOTENCY_IN_PROGRESS', 'STORE_UNAVAILABLE'];
  for (let tries = 0; ; tries++) {
    const answer = await send();
    if (!retryable.includes(String(firstCode(answer.body))) || tries >= 200) return answer;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function writeKinds(sims: () => RunningSimulators, reader: () => GatewayAddress): WriteKind[] {
  const company = (provider: 'inqom' | 'pleo' | 'jepilote', index: number) => {
    const companies = sims().dataset.companiesOf(provider, 'demo');
    return companies[index % companies.length]!;
  };
  const checksumCount = async (companyId: string, checksum: string) => {
    const today = new Date().toISOString().slice(0, 10);
    const data = await gql<{ company: { documents: { edges: { node: { checksum: string } }[] } } }>(
      reader(),
      `query($id: ID!, $from: Date!) { company(id: $id) {
        documents(first: 500, filter: { createdFrom: $from }) { edges { node { checksum } } } } }`,
      { id: companyId, from: today },
    );
    return data.company.documents.edges.filter((edge) => edge.node.checksum === checksum).length;
  };
  /** The first `count` entries of a Pleo company that Pleo exports (bank fees have no contra account). */
  const pleoExportable = async (companyId: string, count: number) => {
    const listed = await gql<{
      company: { entries: { edges: { node: { id: string; journal: { type: string | null } } }[] } };
    }>(
      reader(),
      `query($id: ID!) { company(id: $id) { entries(first: 30) { edges { node { id journal { type } } } } } }`,
      { id: companyId },
    );
    return listed.company.entries.edges
      .filter((edge) => edge.node.journal.type !== 'fee')
      .slice(0, count)
      .map((edge) => edge.node.id);
  };
  /** A fault on the next POST to a Pleo path. */
  const pleoPostFault = (path: string) => (kind: 'slow_commit', ms: number) =>
    sims().simulators.pleo.faults.add({ kind, ms, method: 'POST', path, times: 1 });
  /** The job each company's last updateExportJobStatus scenario left in progress. */
  const movedJobs = new Map<string, string>();
  const inqomWrite = (name: string, send: typeof uploadDocument, path: string): WriteKind => ({
    name,
    async prepare(index) {
      const companyId = companyGlobalId('INQOM', company('inqom', index).id);
      const input = { companyId, idempotencyKey: randomUUID() };
      const file = { name: `${name}-${index}.pdf`, bytes: `%PDF-1.4 ${name} ${randomUUID()}` };
      return {
        send: (gateway) => send(gateway, input, file),
        writes: () => checksumCount(companyId, sha1(file.bytes)),
        fault: (kind, ms) => sims().simulators.inqom.faults.add({ kind, ms, method: 'POST', path, times: 1 }),
      };
    },
  });
  return [
    inqomWrite(
      'uploadDocument',
      uploadDocument,
      '^/api/accounting-documents/accounting-folders/[^/]+/Documents/?$',
    ),
    inqomWrite('createExpenseBill', createExpenseBill, '^/api/v1/accounting-folders/[^/]+/expense-bills$'),
    {
      name: 'Pleo createExportJob',
      async prepare(index) {
        const companyId = companyGlobalId('PLEO', company('pleo', index).id);
        // A different entry count per scenario: recovery matches a job by its count and creation time.
        const entryIds = await pleoExportable(companyId, index + 1);
        const input = { companyId, entryIds, idempotencyKey: randomUUID() };
        const jobs = async () =>
          (
            await gql<{
              company: { exportJobs: { edges: { node: { id: string; numberOfItems: number } }[] } };
            }>(
              reader(),
              `query($id: ID!) { company(id: $id) { exportJobs(first: 500) { edges { node { id numberOfItems } } } } }`,
              { id: companyId },
            )
          ).company.exportJobs.edges.map((edge) => edge.node.id);
        const before = new Set(await jobs());
        return {
          send: (gateway) => createExportJob(gateway, input),
          writes: async () => (await jobs()).filter((id) => !before.has(id)).length,
          fault: pleoPostFault('^/v3/export-jobs$'),
        };
      },
    },
    {
      // The event a Pleo integration posts first. A second STARTED would be refused (422): a retry
      // whose first answer was lost must read the job back, not post again.
      name: 'Pleo updateExportJobStatus',
      async prepare(index) {
        const companyId = companyGlobalId('PLEO', company('pleo', index).id);
        // Pleo runs one job per company at a time: an earlier scenario's job on it is ended first.
        const earlier = movedJobs.get(companyId);
        if (earlier) await updateExportJobStatus(reader(), { exportJobId: earlier, event: 'FAILED' });
        const [entryId] = await pleoExportable(companyId, 1);
        const created = await createExportJob(reader(), { companyId, entryIds: [entryId] });
        const exportJobId = answeredId(created);
        if (!exportJobId) throw new Error(`no job to move: ${JSON.stringify(created.body)}`);
        // An item update hands the job to its client before the simulated integration starts it (1 s).
        const handed = await gql<{ updateExportJobItems: { items: unknown[] } | null }>(
          reader(),
          `mutation($input: UpdateExportJobItemsInput!) { updateExportJobItems(input: $input) { items { status } } }`,
          { input: { exportJobId, items: [{ entryId, status: 'IN_PROGRESS' }] } },
        );
        if (handed?.updateExportJobItems?.items.length !== 1) throw new Error('the job was not handed over');
        movedJobs.set(companyId, exportJobId);
        const input = { exportJobId, event: 'STARTED', idempotencyKey: randomUUID() };
        // Applied at the simulator, whether or not its answer reached the gateway.
        const accepted = async () => {
          const response = await fetch(`${sims().urls.pleo}/__admin/export-job-events`);
          const all = (await response.json()) as { jobId: string }[];
          return all.filter((applied) => applied.jobId === decodeGlobalId(exportJobId, 'id').nativeId).length;
        };
        return {
          send: (gateway) => updateExportJobStatus(gateway, input),
          writes: accepted,
          fault: pleoPostFault('^/v3/export-job-events$'),
        };
      },
    },
    {
      name: 'Jepilote flagged export',
      async prepare(index) {
        // One company-day per scenario, so each flags documents no other scenario touched.
        const native = company('jepilote', index);
        const days = [...new Set(native.documents.map((doc) => doc.createdAt.slice(0, 10)))].sort();
        const day = days[Math.floor(index / 2)]!;
        const input = {
          companyId: companyGlobalId('JEPILOTE', native.id),
          format: 'FEC',
          markAsExported: true,
          from: day,
          to: day,
          idempotencyKey: randomUUID(),
        };
        const runs = async () => {
          const response = await fetch(`${sims().urls.jepilote}/__admin/flagging-runs`);
          const all = (await response.json()) as { companyId: string }[];
          return all.filter((run) => run.companyId === native.id).length;
        };
        const before = await runs();
        return {
          send: (gateway) => createExportJob(gateway, input),
          writes: async () => (await runs()) - before,
          fault(kind, ms) {
            const faults = sims().simulators.jepilote.faults;
            const path = '^/export_documents$';
            // The first POST (phase 1, flagging nothing) passes; the fault hits the flagging one.
            faults.add({ kind: 'latency', ms: 0, method: 'POST', path, times: 1 });
            faults.add({ kind, ms, method: 'POST', path, times: 1 });
          },
        };
      },
    },
  ];
}
