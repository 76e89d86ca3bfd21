/** One GraphQL request's view of a Jepilote account: companies, FEC / ACD exports and their files. */
import { BadUserInputError, ErrorCode, NotFoundError, UpstreamError } from '../../errors';
import type { Capability, ExportJobRecord } from '../../domain/model';
import type { LoaderBatchListener } from '../observed-batch';
import { downloadStreamOf } from '../download-stream';
import type { CreateExportJobRequest, DownloadStream, Page, ProviderSession, SessionDeps } from '../types';
import type { ExportParams, JepiloteClient } from './client';
import type { JepiloteJobLog } from './job-log';
import { createJepiloteLoaders } from './loaders';
import { EXPORT_PARAMETERS, mapCompany, mapExport } from './map';
import { mentionedParameters } from '../upstream-text';
import { exportWithoutLoss, previousExportJobId, type SendExport } from './two-phase-export';

export const JEPILOTE_CAPABILITIES: readonly Capability[] = ['EXPORT_JOBS', 'EXPORT_FEC', 'EXPORT_ACD'];

/** The provider's parameters for a gateway export request (the schema layer validated its values). */
export function exportParams(request: CreateExportJobRequest): ExportParams {
  if (!request.format)
    throw new BadUserInputError('Jepilote exports need a format: FEC or ACD.', 'input.format');
  if (request.entryIds?.length) {
    throw new BadUserInputError('Jepilote exports documents by date, not chosen entries.', 'input.entryIds');
  }
  if (!/^\d+$/.test(request.companyId)) throw new NotFoundError('Company', 'input.companyId');
  return {
    companyId: Number(request.companyId),
    format: request.format,
    alreadyExported: request.includeAlreadyExported ? 1 : 0,
    flagAsExported: request.markAsExported ? 1 : 0,
    ...(request.notifyEmail ? { emailAddress: request.notifyEmail } : {}),
    ...(request.from ? { dateDebut: request.from } : {}),
    ...(request.to ? { dateFin: request.to } : {}),
  };
}

export function createJepiloteSession(
  client: JepiloteClient,
  jobs: JepiloteJobLog,
  deps: SessionDeps,
  onLoaderBatch?: LoaderBatchListener,
): ProviderSession {
  const loaders = createJepiloteLoaders(client, deps.signal, onLoaderBatch);
  const companies = async () => (await loaders.companies.load('all')).map(mapCompany);

  return {
    provider: 'JEPILOTE',
    capabilities: JEPILOTE_CAPABILITIES,
    listCompanies: companies,
    getCompany: async (companyId) => (await companies()).find((c) => c.providerId === companyId) ?? null,

    async createExportJob(request, journal): Promise<ExportJobRecord> {
      const params = exportParams(request);
      // An earlier attempt that finished at Jepilote but lost its outcome logged its job: reconcile.
      const earlierJobId = previousExportJobId(journal);
      const logged = earlierJobId && (await jobs.get(request.companyId, earlierJobId));
      if (logged) return logged;
      const send: SendExport = async (sent, beforeDispatch) => {
        const { status, body } = await client.exportDocuments(sent, deps.signal, beforeDispatch);
        if (status === 403) throw new NotFoundError('Company', 'input.companyId');
        if (status === 400) {
          // The provider disagrees with validated input: name the parameters it objected to, never its
          // text (its error[] may echo the request, bearer token included).
          const fields = mentionedParameters(body.error ?? [], EXPORT_PARAMETERS);
          const about = fields.length ? ` (parameters: ${fields.join(', ')})` : '';
          throw new UpstreamError('JEPILOTE', ErrorCode.UPSTREAM_ERROR, `export refused${about}`, 400);
        }
        return body;
      };
      // Flagging exports run in two phases so that a lost answer never loses the file.
      const { answer, jobId, at } = await exportWithoutLoss(params, send, journal);
      const job = mapExport(request.companyId, params.format, answer, jobId, at);
      await jobs.record(job);
      return job;
    },

    getExportJob: (companyId, jobId) => jobs.get(companyId, jobId),

    async listExportJobs(companyId, page): Promise<Page<ExportJobRecord>> {
      // A resume token is the job's position from the oldest: new jobs at the newest end never shift it.
      const below = page.after === null ? null : Number(page.after.replace(/^p/, ''));
      if (below !== null && (!/^p\d+$/.test(page.after ?? '') || !Number.isSafeInteger(below)))
        throw new BadUserInputError('Invalid cursor.', 'after');
      const { jobs: found, total, start } = await jobs.page(companyId, below, page.first);
      return {
        items: found.map(({ job, position }) => ({ node: job, resumeToken: `p${position}` })),
        hasNextPage: start > 0,
        totalCount: total,
      };
    },

    async downloadExportFile(_companyId, downloadRef): Promise<DownloadStream> {
      const response = await client.download(downloadRef, deps.signal);
      if (response.status === 404 || response.status === 403) {
        await response.body.dump();
        throw new NotFoundError('Export file');
      }
      if (response.status !== 200) {
        await response.body.dump();
        throw new UpstreamError(
          'JEPILOTE',
          ErrorCode.UPSTREAM_ERROR,
          `HTTP ${response.status} on GET /get_export/{hash}`,
          response.status,
        );
      }
      return downloadStreamOf(response.headers, response.body, 'export');
    },
  };
}
