/**
 * "Nothing lost", as a client sees it: mutations whose answer is lost after the provider committed
 * (`reset_after_commit`), retried with the same idempotency key, yield the first outcome and never a
 * second document or job. Shared by the in-memory test (one gateway) and the Redis test (two
 * gateways on one store: the retry goes to the other instance).
 */
import { createHash, randomUUID } from 'node:crypto';
import { companyGlobalId } from '../../../src/domain/ids';
import type { Stack } from '../../support/stack';
import { createExpenseBill, createExportJob, firstCode, uploadDocument } from './mutation-calls';

export interface GatewayPair {
  /** Receives first attempts. */
  first: Stack;
  /** Receives retries (the same gateway in memory, another instance on Redis). */
  retry: Stack;
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex').toUpperCase();
export const UPLOAD_PATH = '^/api/accounting-documents/accounting-folders/[^/]+/Documents/?$';
const EXPENSE_PATH = '^/api/v1/accounting-folders/[^/]+/expense-bills$';
type ExportJobResult = { id: string; status: string; file: { name: string; downloadUrl: string } };
const today = () => new Date().toISOString().slice(0, 10);

/** Documents of the company created today with this checksum, as the provider lists them. */
export async function documentsWithChecksum(stack: Stack, companyId: string, checksum: string) {
  const { body } = await stack.gql<{
    company: { documents: { edges: { node: { id: string; checksum: string } }[] } };
  }>(
    `query($id: ID!, $from: Date!) { company(id: $id) {
      documents(first: 500, filter: { createdFrom: $from }) { edges { node { id checksum } } } } }`,
    { id: companyId, from: today() },
  );
  return body.data!.company.documents.edges.filter((edge) => edge.node.checksum === checksum);
}

/** Sends again while the gateway answers IDEMPOTENCY_OUTCOME_UNCERTAIN (its window is short in tests). */
export async function untilCertain<R extends { body: Parameters<typeof firstCode>[0] }>(
  send: () => Promise<R>,
): Promise<R> {
  for (let tries = 0; ; tries++) {
    const answer = await send();
    if (firstCode(answer.body) !== 'IDEMPOTENCY_OUTCOME_UNCERTAIN' || tries >= 100) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Config of the gateways under these scenarios: a short uncertainty window. */
export const SHORT_UNCERTAINTY = { leaseMs: 2_000, waitMs: 10_000, uncertainWindowMs: 300 };

export function lostResponseScenarios(gateways: () => GatewayPair): void {
  const inqomCompany = () => {
    const company = gateways().first.sims.dataset.companiesOf('inqom', 'demo')[0]!;
    return companyGlobalId('INQOM', company.id);
  };
  const inqomFaults = () => gateways().first.sims.simulators.inqom.faults;

  it('returns the recorded upload to a retry, without a second upstream call', async () => {
    const { first, retry } = gateways();
    const input = { companyId: inqomCompany(), idempotencyKey: randomUUID() };
    const file = { name: `plain-${randomUUID()}.pdf`, bytes: `%PDF-1.4 plain ${randomUUID()}` };
    const uploads = () =>
      first.sims.simulators.inqom.requests.filter(
        (r) => r.method === 'POST' && new RegExp(UPLOAD_PATH).test(r.path),
      ).length;
    const before = uploads();
    const original = await uploadDocument(first, input, file);
    expect(original.body.errors).toBeUndefined();
    const again = await uploadDocument(retry, input, file);
    expect(again.body.data).toEqual(original.body.data);
    expect(uploads()).toBe(before + 1);
    const other = await uploadDocument(retry, { ...input }, { ...file, name: 'other-name.pdf' });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.idempotencyKey',
    });
    // Same key, same name, other bytes: refused, never answered with the first document.
    const otherBytes = await uploadDocument(retry, input, { ...file, bytes: `${file.bytes} changed` });
    expect(otherBytes.body.data?.uploadDocument ?? null).toBeNull();
    expect(otherBytes.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.idempotencyKey',
    });
    expect(uploads()).toBe(before + 1);
  });

  it.each([
    ['uploadDocument', uploadDocument, UPLOAD_PATH],
    ['createExpenseBill', createExpenseBill, EXPENSE_PATH],
  ] as const)(
    '%s: an answer lost after the provider stored the file, retried, gives one document',
    async (_name, send, path) => {
      const { first, retry } = gateways();
      const companyId = inqomCompany();
      const input = { companyId, idempotencyKey: randomUUID() };
      const bytes = `%PDF-1.4 lost answer ${randomUUID()}`;
      const file = { name: `lost-${randomUUID()}.pdf`, bytes };
      inqomFaults().add({ kind: 'reset_after_commit', method: 'POST', path, times: 1 });
      const lost = await send(first, input, file);
      expect(firstCode(lost.body)).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
      expect(await documentsWithChecksum(first, companyId, sha1(bytes))).toHaveLength(1);
      const retried = await send(retry, input, file);
      expect(retried.body.errors).toBeUndefined();
      const document = Object.values(retried.body.data ?? {})[0];
      expect(document).toMatchObject({ checksum: sha1(bytes), status: 'RECEIVED' });
      const stored = await documentsWithChecksum(first, companyId, sha1(bytes));
      expect(stored.map((edge) => edge.node.id)).toEqual([document?.id]);
    },
  );

  it('createExpenseBill: a read-back refused after the bill was stored never lets the retry file it again', async () => {
    const { first, retry } = gateways();
    const companyId = inqomCompany();
    const input = { companyId, idempotencyKey: randomUUID() };
    const bytes = `%PDF-1.4 read-back refused ${randomUUID()}`;
    const file = { name: `read-back-${randomUUID()}.pdf`, bytes };
    // The POST stores the bill; reading it back is refused (429) however often the gateway asks.
    inqomFaults().add({
      kind: 'rate_limit',
      retryAfter: 0,
      method: 'GET',
      path: '/Documents/[0-9]+$',
      times: 50,
    });
    try {
      const refused = await createExpenseBill(first, input, file);
      expect(firstCode(refused.body)).toBe('UPSTREAM_RATE_LIMITED');
    } finally {
      inqomFaults().clear();
    }
    const retried = await createExpenseBill(retry, input, file);
    expect(retried.body.errors).toBeUndefined();
    const stored = await documentsWithChecksum(first, companyId, sha1(bytes));
    const bill = Object.values(retried.body.data ?? {})[0];
    expect(stored.map((edge) => edge.node.id)).toEqual([bill?.id]);
  });

  it('uploadDocument: a 429 on the upload is answered as it is, its read body never sent again', async () => {
    const { first, retry } = gateways();
    const companyId = inqomCompany();
    const input = { companyId, idempotencyKey: randomUUID() };
    const bytes = `%PDF-1.4 refused upload ${randomUUID()}`;
    const file = { name: `refused-${randomUUID()}.pdf`, bytes };
    const uploads = () =>
      first.sims.simulators.inqom.requests.filter(
        (r) => r.method === 'POST' && new RegExp(UPLOAD_PATH).test(r.path),
      ).length;
    const before = uploads();
    inqomFaults().add({ kind: 'rate_limit', retryAfter: 0, method: 'POST', path: UPLOAD_PATH, times: 1 });
    const refused = await uploadDocument(first, input, file);
    expect(firstCode(refused.body)).toBe('UPSTREAM_RATE_LIMITED');
    expect(uploads() - before).toBe(1);
    // A 429 proves nothing was stored: the key is free, and the retry uploads the whole file once.
    const retried = await uploadDocument(retry, input, file);
    expect(retried.body.errors).toBeUndefined();
    expect(await documentsWithChecksum(first, companyId, sha1(bytes))).toHaveLength(1);
  });

  it('runs concurrent duplicates once: both get the one upload', async () => {
    const { first, retry } = gateways();
    const companyId = inqomCompany();
    const input = { companyId, idempotencyKey: randomUUID() };
    const bytes = `%PDF-1.4 concurrent ${randomUUID()}`;
    const file = { name: `concurrent-${randomUUID()}.pdf`, bytes };
    // The first upload is slow at the provider, so the duplicate arrives while it is in flight.
    inqomFaults().add({ kind: 'latency', ms: 400, method: 'POST', path: UPLOAD_PATH, times: 1 });
    const [a, b] = await Promise.all([
      uploadDocument(first, input, file),
      uploadDocument(retry, input, file),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.data).toEqual(a.body.data);
    expect(await documentsWithChecksum(first, companyId, sha1(bytes))).toHaveLength(1);
  });

  it('Pleo: a job created but whose answer was lost is returned to the retry, not created twice', async () => {
    const { first, retry } = gateways();
    const company = first.sims.dataset.companiesOf('pleo', 'demo')[0]!;
    const companyId = companyGlobalId('PLEO', company.id);
    const jobsQuery = `query($id: ID!) { company(id: $id) {
      entries(first: 30) { edges { node { id journal { type } } } }
      exportJobs(first: 500) { edges { node { id } } } } }`;
    type Jobs = {
      company: {
        entries: { edges: { node: { id: string; journal: { type: string | null } } }[] };
        exportJobs: { edges: { node: { id: string } }[] };
      };
    };
    const before = (await first.gql<Jobs>(jobsQuery, { id: companyId })).body.data!.company;
    // Pleo refuses entries without a contra account, i.e. bank fees: pick two others.
    const entryIds = before.entries.edges
      .filter((edge) => edge.node.journal.type !== 'fee')
      .slice(0, 2)
      .map((edge) => edge.node.id);
    expect(entryIds).toHaveLength(2);
    const input = { companyId, entryIds, idempotencyKey: randomUUID() };
    first.sims.simulators.pleo.faults.add({
      kind: 'reset_after_commit',
      method: 'POST',
      path: '^/v3/export-jobs$',
      times: 1,
    });
    const lost = await createExportJob(first, input);
    expect(firstCode(lost.body)).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
    const retried = await createExportJob(retry, input);
    expect(retried.body.errors).toBeUndefined();
    const job = retried.body.data?.createExportJob;
    expect(job).toMatchObject({ provider: 'PLEO', numberOfItems: entryIds.length });
    const after = (await first.gql<Jobs>(jobsQuery, { id: companyId })).body.data!.company;
    const created = after.exportJobs.edges.filter(
      (edge) => !before.exportJobs.edges.some((old) => old.node.id === edge.node.id),
    );
    expect(created.map((edge) => edge.node.id)).toEqual([job?.id]);
  });

  it("Pleo: a retry whose create never reached Pleo is not handed another caller's job of as many entries", async () => {
    const { first, retry } = gateways();
    const company = first.sims.dataset.companiesOf('pleo', 'demo')[1]!;
    const companyId = companyGlobalId('PLEO', company.id);
    const { body } = await first.gql<{
      company: { entries: { edges: { node: { id: string; journal: { type: string | null } } }[] } };
    }>(
      `query($id: ID!) { company(id: $id) { entries(first: 30) { edges { node { id journal { type } } } } } }`,
      {
        id: companyId,
      },
    );
    const ids = body
      .data!.company.entries.edges.filter((edge) => edge.node.journal.type !== 'fee')
      .map((edge) => edge.node.id);
    // A company of its own: the job of the test above, still pending, would refuse every create here.
    const mine = { companyId, entryIds: ids.slice(0, 2), idempotencyKey: randomUUID() };
    first.sims.simulators.pleo.faults.add({
      kind: 'reset',
      method: 'POST',
      path: '^/v3/export-jobs$',
      times: 1,
    });
    expect(firstCode((await createExportJob(first, mine)).body)).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
    const theirs = await createExportJob(first, { companyId, entryIds: ids.slice(2, 4) });
    const theirJob = theirs.body.data?.createExportJob;
    expect(theirJob).toMatchObject({ numberOfItems: 2 });
    const retried = await untilCertain(() => createExportJob(retry, mine));
    // Pleo runs one job per company at a time: the retry's own create is refused while theirs is pending.
    expect(retried.body.data?.createExportJob?.id).not.toBe(theirJob?.id);
    expect(retried.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstreamStatus: 409,
    });
  });

  describe('Jepilote FEC export with markAsExported (two phases)', () => {
    const jepiloteCompany = (index: number) => {
      const company = gateways().first.sims.dataset.companiesOf('jepilote', 'demo')[index]!;
      return companyGlobalId('JEPILOTE', company.id);
    };
    const exportPosts = () =>
      gateways().first.sims.simulators.jepilote.requests.filter(
        (r) => r.method === 'POST' && r.path === '/export_documents',
      ).length;
    const download = async (url: string) => {
      const response = await fetch(url, { headers: { authorization: 'Bearer demo' } });
      expect(response.status).toBe(200);
      return response.text();
    };
    /** FEC lines after the header: the exported movements. */
    const movementLines = (fec: string) => fec.trim().split(/\r?\n/).length - 1;

    // Completed POSTs (the simulator records a request when its response ends: the reset one never
    // does): phase 1 lost → the retry runs both phases; phase 2 lost → phase 1, then the retry's phase 2.
    it.each([
      ['phase 1 (export without flagging)', 0, 2],
      ['phase 2 (flagging)', 1, 1 + 1],
    ])(
      'the answer of %s is lost: the retry still gets the file, and its documents end up flagged',
      async (_phase, index, totalPosts) => {
        const { first, retry } = gateways();
        const companyId = jepiloteCompany(index);
        const input = { companyId, format: 'FEC', markAsExported: true, idempotencyKey: randomUUID() };
        const faults = first.sims.simulators.jepilote.faults;
        // A zero-latency fault lets the first POST through untouched, so the reset hits the second one.
        if (index === 1)
          faults.add({ kind: 'latency', ms: 0, method: 'POST', path: '^/export_documents$', times: 1 });
        faults.add({ kind: 'reset_after_commit', method: 'POST', path: '^/export_documents$', times: 1 });
        const postsBefore = exportPosts();

        const lost = await createExportJob(first, input);
        expect(firstCode(lost.body)).toBe('IDEMPOTENCY_OUTCOME_UNCERTAIN');
        // Phase 2's outcome is unknown: the retry waits out the (short, configured) window, never flags twice.
        const retried = await untilCertain(() => createExportJob(retry, input));
        expect(retried.body.errors).toBeUndefined();
        const job = retried.body.data?.createExportJob as ExportJobResult;
        expect(job).toMatchObject({ provider: 'JEPILOTE', format: 'FEC', status: 'COMPLETED' });
        const fec = await download(job.file.downloadUrl);
        expect(movementLines(fec)).toBeGreaterThan(0);
        expect(exportPosts() - postsBefore).toBe(totalPosts);

        // The same key again: the recorded job, no further call.
        const again = await createExportJob(first, input);
        // Links point at the instance that answered: compare the job and its file.
        const { file: againFile, ...againJob } = again.body.data?.createExportJob as ExportJobResult;
        const { file: retriedFile, ...retriedJob } = job;
        expect(againJob).toEqual(retriedJob);
        expect(againFile.name).toBe(retriedFile.name);
        expect(exportPosts() - postsBefore).toBe(totalPosts);

        // The documents were flagged: a new export of never-exported documents has no movement left.
        const next = await createExportJob(first, { companyId, format: 'FEC' });
        const nextFile = next.body.data?.createExportJob as { file: { downloadUrl: string } };
        expect(movementLines(await download(nextFile.file.downloadUrl))).toBe(0);
      },
    );
  });
}
