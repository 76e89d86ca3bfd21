/** One GraphQL request's view of a Pleo account: its loaders, and the capability methods. */
import { NotFoundError } from '../../errors';
import type { Capability, CompanyRecord, EntryRecord, ExportJobRecord } from '../../domain/model';
import type { LoaderBatchListener } from '../observed-batch';
import type { MutationJournal, Page, ProviderSession, SessionDeps } from '../types';
import type { PleoClient, PleoJobOptions } from './client';
import { isPleoId, pleoEntryIdsToExport, pleoJobOptions } from './export-job-input';
import { createPleoLoaders } from './loaders';
import { PLEO_JOURNAL_CODE, mapEntry, mapExportJob } from './map';
import { checkpointCreate, createdJobCandidates, exportsExactly, previousCreate } from './create-recovery';
import { updatePleoJobItems, updatePleoJobStatus, type LifecycleDeps } from './job-lifecycle';
import { collectPage } from './paging';
import type { PleoExportJob } from './schemas';

export const PLEO_CAPABILITIES: readonly Capability[] = ['ENTRIES', 'EXPORT_JOBS', 'EXPORT_JOB_LIFECYCLE'];

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const EMPTY: Page<never> = { items: [], hasNextPage: false, totalCount: 0 };

export function createPleoSession(
  client: PleoClient,
  companies: readonly CompanyRecord[],
  deps: SessionDeps,
  onLoaderBatch?: LoaderBatchListener,
): ProviderSession {
  const loaders = createPleoLoaders(client, deps.signal, onLoaderBatch);
  const findCompany = (id: string) => companies.find((company) => sameId(company.providerId, id)) ?? null;

  // Only a job that completed with errors has failed items worth a call, made when `errors` is selected.
  const toRecord = async (job: PleoExportJob): Promise<ExportJobRecord> =>
    job.status === 'completed_with_errors'
      ? { ...mapExportJob(job, []), errorsUnread: true }
      : mapExportJob(job, []);

  const lifecycle: LifecycleDeps = {
    client,
    signal: deps.signal,
    toRecord,
    remember: (job) => void loaders.exportJob.clear(job.id.toLowerCase()).prime(job.id.toLowerCase(), job),
  };

  /** A retried creation's job, when its first attempt created it but the answer was lost. */
  const findRetriedJob = async (companyId: string, entryIds: string[], journal?: MutationJournal) => {
    const attempt = previousCreate(journal);
    if (!attempt) return null;
    const newest = await client.listExportJobs(companyId, { after: null, limit: 20 }, deps.signal);
    for (const job of createdJobCandidates(newest.items, attempt)) {
      const items = await client.allJobItems(job.id, undefined, deps.signal);
      if (
        exportsExactly(
          items.map((item) => item.accountingEntryId),
          entryIds,
        )
      )
        return job;
    }
    // Not there (yet): the earlier POST may still commit, so create again only once its window passed.
    journal?.beforeRewrite();
    return null;
  };
  const createJob = async (
    companyId: string,
    entryIds: string[],
    options: PleoJobOptions,
    journal?: MutationJournal,
  ) => {
    const items = new Set(entryIds.map((id) => id.toLowerCase())).size;
    // Saved as the POST leaves, not before its queue waits: the retry's window then starts at dispatch,
    // and a lease lost while queued (the fenced save fails) stops the POST unsent.
    const beforeDispatch = journal && (() => checkpointCreate(journal, items));
    return client.createExportJob(companyId, entryIds, options, deps.signal, beforeDispatch);
  };

  return {
    provider: 'PLEO',
    capabilities: PLEO_CAPABILITIES,
    // Pleo has no company listing: the account's configuration names its companies.
    listCompanies: async () => [...companies],
    getCompany: async (companyId) => findCompany(companyId),

    async listEntries(companyId, filter, page): Promise<Page<EntryRecord>> {
      // Every Pleo entry is an ENTRY of journal PLEO: other values match nothing, without asking Pleo.
      if (filter.type !== undefined && filter.type !== 'ENTRY') return EMPTY;
      if (filter.journalCode !== undefined && filter.journalCode !== PLEO_JOURNAL_CODE) return EMPTY;
      const dates = { from: filter.from, to: filter.to };
      const result = await collectPage(
        (query) => client.searchEntries(companyId, query, dates, deps.signal),
        page,
      );
      const items = result.items.map(({ node, resumeToken }) => {
        loaders.entry.prime(node.id.toLowerCase(), node);
        return { node: mapEntry(node), resumeToken };
      });
      return { ...result, items };
    },

    async getEntry(companyId, entryId) {
      if (!isPleoId(entryId)) return null;
      const entry = await loaders.entry.load(entryId.toLowerCase());
      return entry && sameId(entry.companyId, companyId) ? mapEntry(entry) : null;
    },

    async listExportJobs(companyId, page) {
      const result = await collectPage((query) => client.listExportJobs(companyId, query, deps.signal), page);
      const items = await Promise.all(
        result.items.map(async ({ node, resumeToken }) => {
          loaders.exportJob.prime(node.id.toLowerCase(), node);
          return { node: await toRecord(node), resumeToken };
        }),
      );
      return { ...result, items };
    },

    async getExportJob(companyId, jobId) {
      if (!isPleoId(jobId)) return null;
      const job = await loaders.exportJob.load(jobId.toLowerCase());
      return job && sameId(job.companyId, companyId) ? toRecord(job) : null;
    },

    async createExportJob(request, journal) {
      const entryIds = pleoEntryIdsToExport(request);
      const options = pleoJobOptions(request);
      const company = findCompany(request.companyId);
      if (!company) throw new NotFoundError('Company', 'input.companyId');
      const job =
        (await findRetriedJob(company.providerId, entryIds, journal)) ??
        (await createJob(company.providerId, entryIds, options, journal));
      loaders.exportJob.prime(job.id.toLowerCase(), job);
      return mapExportJob(job, []);
    },

    exportJobErrors: (_companyId, jobId) => loaders.jobErrors.load(jobId),

    updateExportJobStatus: (request, journal) => updatePleoJobStatus(lifecycle, request, journal),
    updateExportJobItems: (request, journal) => updatePleoJobItems(lifecycle, request, journal),
  };
}
