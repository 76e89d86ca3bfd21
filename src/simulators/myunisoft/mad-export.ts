/**
 * The asynchronous full export: `GET /mad/all` answers `{ id, status: "INIT" }`, `GET /mad/all/status
 * ?exportId=` turns DONE (with a download `url`) once the simulated generation time has passed, or
 * FAILED with a `reason` (TRA, which the simulator does not produce). The same parameters within an
 * hour return the previous export, as MyUnisoft documents. The URL serves the MAD JSON, streamed: the
 * folder's reference data, then `data.entries` (each with its movements) of the `idExercice` asked, or
 * of every exercise (a guess: the docs name the route, not its parameters nor the file's layout).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { GenCompany, GenExercise } from '../data/dataset';
import { MyUnisoftError, badRequest } from './errors';
import { baseUrlOf, callerOf, queryOf, societyOf, type MyUnisoftContext } from './context';
import { exerciseOf, many, requireVersion, single } from './mad-params';
import { documentToken, madAccounts, madEntry, madExercice, madJournals } from './mad-shapes';
import { jsonArrayStream, mapIterable } from './json-stream';

/** Simulated generation time of an export. */
export const EXPORT_GENERATION_MS = 1_000;
const SAME_PARAMETERS_LOCK_MS = 60 * 60 * 1000;

interface ExportJob {
  id: string;
  key: string;
  token: string;
  company: GenCompany;
  /** The exercise asked (`idExercice`), or null for all of them. */
  exercise: GenExercise | null;
  format: 'json' | 'tra';
  createdAt: number;
  downloadToken: string;
}

export function registerMadExport(app: FastifyInstance, ctx: MyUnisoftContext): void {
  const jobs = new Map<string, ExportJob>();
  const byKey = new Map<string, ExportJob>();

  const statusOf = (job: ExportJob, baseUrl: string) => {
    if (ctx.now() - job.createdAt < EXPORT_GENERATION_MS) return { id: job.id, status: 'INIT' };
    if (job.format === 'tra')
      return { id: job.id, status: 'FAILED', reason: 'TRA export is not available for this folder.' };
    return {
      id: job.id,
      status: 'DONE',
      url: `${baseUrl}/api/ged/ged/document/${job.downloadToken}/download`,
    };
  };

  app.get('/api/v1/mad/all', async (request) => {
    const company = societyOf(ctx, request);
    const query = queryOf(request);
    requireVersion(query);
    const format = single(query, 'format')?.toLowerCase();
    if (format !== 'json' && format !== 'tra')
      throw badRequest('ERR-INVALID-FORMAT', 'format is json or tra.', { parameter: 'format' });
    const caller = callerOf(request);
    const idExercice = single(query, 'idExercice');
    const exercise = idExercice === undefined ? null : exerciseOf(company, idExercice);
    const params = ['idExercice', 'startDate', 'endDate'].map((name) => single(query, name) ?? '');
    const key = [
      caller.token,
      company.id,
      format,
      ...params,
      many(query, 'journalIds').sort().join(','),
    ].join('|');
    const previous = byKey.get(key);
    if (previous && ctx.now() - previous.createdAt < SAME_PARAMETERS_LOCK_MS)
      return { id: previous.id, status: 'INIT' };
    const id = `export_${randomBytes(8).toString('hex')}`;
    const job: ExportJob = {
      id,
      key,
      token: caller.token,
      company,
      exercise,
      format,
      createdAt: ctx.now(),
      downloadToken: `${company.id}-x${randomBytes(12).toString('hex')}`,
    };
    jobs.set(id, job);
    byKey.set(key, job);
    return { id, status: 'INIT' };
  });

  app.get('/api/v1/mad/all/status', async (request) => {
    const exportId = single(queryOf(request), 'exportId');
    if (!exportId)
      throw badRequest('ERR-PARAMETER-REQUIRED', 'exportId is required.', { parameter: 'exportId' });
    const job = jobs.get(exportId);
    if (!job || job.token !== callerOf(request).token) {
      throw new MyUnisoftError(404, 'ERR-EXPORT-NOT-FOUND', 'Export not found.', { exportId });
    }
    return statusOf(job, baseUrlOf(request));
  });

  // The GED link is a bearer URL (an unguessable token), as a download link handed to a browser is.
  app.get<{ Params: { token: string } }>('/api/ged/ged/document/:token/download', async (request, reply) => {
    const token = request.params.token;
    const job = [...jobs.values()].find(
      (j) => j.downloadToken === token && statusOf(j, '').status === 'DONE',
    );
    if (job)
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="${job.id}.json"`)
        .send(exportBody(ctx, job.company, job.exercise, baseUrlOf(request)));
    const document = ctx.dataset
      .companiesOf('myunisoft')
      .flatMap((c) => c.documents.map((d) => ({ c, d })))
      .find(({ c, d }) => documentToken(c, d.id) === token);
    if (!document) throw new MyUnisoftError(404, 'ERR-DOCUMENT-NOT-FOUND', 'Document not found.');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${document.d.name}"`)
      .send(document.d.bytes);
  });
}

/** The MAD export document: `{ metadata, data: { ..., entries } }`, with the entries streamed last. */
function exportBody(ctx: MyUnisoftContext, company: GenCompany, only: GenExercise | null, baseUrl: string) {
  const metadata = {
    version: '1.0.0',
    createdAt: Math.floor(ctx.now() / 1000),
    producer: 'MyUnisoft',
    additionalFreeProperties: {},
  };
  const data = {
    accountingFolder: { producerId: company.id, name: company.name, SIREN: company.siren },
    payments: [],
    banks: [],
    journals: madJournals(company),
    accounts: madAccounts(),
    exercices: company.exercises.map(madExercice),
    analytics: [],
  };
  const head = `{"metadata":${JSON.stringify(metadata)},"data":${JSON.stringify(data).slice(0, -1)},"entries":`;
  const all = (function* () {
    for (const exercise of only ? [only] : company.exercises) yield* ctx.dataset.entries(company, exercise);
  })();
  return jsonArrayStream(
    mapIterable(all, (entry) => madEntry(company, entry, baseUrl)),
    head,
    '}}',
  );
}
