/**
 * In-memory ProviderConnector fakes for HTTP-level gateway tests (the real connectors are tested
 * against the simulators). Every session method counts its calls, so tests can prove dedupe.
 */
import { Readable } from 'node:stream';
import type {
  Capability,
  CompanyRecord,
  DocumentRecord,
  EntryRecord,
  ExportJobRecord,
  ProviderName,
} from '../../../src/domain/model';
import { NO_JOB_LIFECYCLE_DETAILS } from '../../../src/domain/model';
import type { Page, PageRequest, ProviderConnector, ProviderSession } from '../../../src/providers/types';
import type { UpstreamError } from '../../../src/errors';

export interface FakeData {
  companies: CompanyRecord[];
  entries?: EntryRecord[];
  documents?: DocumentRecord[];
  capabilities?: Capability[];
  /** When set, listCompanies rejects with it. */
  listCompaniesError?: Error;
  /** Malformed rows a company's entry pages report beside their items, by company id. */
  entryRowErrors?: Record<string, UpstreamError[]>;
}

export type CallCounts = Record<string, number>;

function page<T>(all: T[], request: PageRequest): Page<T> {
  const start = request.after === null ? 0 : Number(request.after);
  const items = all
    .slice(start, start + request.first)
    .map((node, i) => ({ node, resumeToken: String(start + i + 1) }));
  return { items, hasNextPage: start + request.first < all.length, totalCount: all.length };
}

export function fakeConnector(
  provider: ProviderName,
  data: FakeData,
): { connector: ProviderConnector; calls: CallCounts; uploads: string[] } {
  const calls: CallCounts = {};
  const uploads: string[] = [];
  const count = (name: string) => void (calls[name] = (calls[name] ?? 0) + 1);
  const capabilities = data.capabilities ?? ['ENTRIES', 'DOCUMENTS'];
  const jobs: ExportJobRecord[] = [];
  const has = (c: Capability) => capabilities.includes(c);
  const openSession = (): ProviderSession => ({
    provider,
    capabilities,
    async listCompanies() {
      count('listCompanies');
      if (data.listCompaniesError) throw data.listCompaniesError;
      return data.companies;
    },
    async getCompany(companyId) {
      count('getCompany');
      return data.companies.find((c) => c.providerId === companyId) ?? null;
    },
    ...(has('ENTRIES') && {
      async listEntries(companyId: string, _filter: unknown, request: PageRequest) {
        count('listEntries');
        const rowErrors = data.entryRowErrors?.[companyId];
        return {
          ...page(
            (data.entries ?? []).filter((e) => e.companyId === companyId),
            request,
          ),
          ...(rowErrors ? { rowErrors } : {}),
        };
      },
      async getEntry(companyId: string, entryId: string) {
        count('getEntry');
        return (
          (data.entries ?? []).find((e) => e.companyId === companyId && e.providerId === entryId) ?? null
        );
      },
    }),
    ...(has('DOCUMENTS') && {
      async getDocument(companyId: string, documentId: string) {
        count('getDocument');
        return (
          (data.documents ?? []).find((d) => d.companyId === companyId && d.providerId === documentId) ?? null
        );
      },
      async getDocumentDownloadUrl(_companyId: string, documentId: string) {
        count('getDocumentDownloadUrl');
        return `https://files.test/${documentId}`;
      },
    }),
    ...(has('UPLOAD_DOCUMENT') && {
      async uploadDocument(request: Parameters<NonNullable<ProviderSession['uploadDocument']>>[0]) {
        count('uploadDocument');
        const chunks: Buffer[] = [];
        for await (const chunk of request.file.stream()) chunks.push(chunk as Buffer);
        uploads.push(Buffer.concat(chunks).toString('utf8'));
        return {
          ...(data.documents?.[0] as DocumentRecord),
          companyId: request.companyId,
          name: request.file.fileName,
          type: request.type,
        };
      },
    }),
    ...(has('EXPORT_JOBS') && {
      async createExportJob(request: Parameters<NonNullable<ProviderSession['createExportJob']>>[0]) {
        count('createExportJob');
        const job: ExportJobRecord = {
          provider,
          companyId: request.companyId,
          providerId: `job-${jobs.length + 1}`,
          format: request.format ?? null,
          status: 'COMPLETED',
          createdAt: '2024-01-02T03:04:05.000Z',
          startedAt: null,
          completedAt: null,
          numberOfItems: 1,
          failureReason: null,
          failureReasonType: null,
          ...NO_JOB_LIFECYCLE_DETAILS,
          file: { name: 'export.txt', url: null, downloadRef: `ref-${jobs.length + 1}` },
          errors: [],
        };
        jobs.push(job);
        return job;
      },
      async getExportJob(_companyId: string, jobId: string) {
        count('getExportJob');
        return jobs.find((j) => j.providerId === jobId) ?? null;
      },
      async downloadExportFile(_companyId: string, downloadRef: string) {
        count('downloadExportFile');
        return {
          contentType: 'text/plain',
          fileName: 'export.txt',
          contentLength: null,
          body: Readable.from([`bytes of ${downloadRef}`]),
        };
      },
    }),
  });
  return { connector: { provider, capabilities, openSession, close: async () => undefined }, calls, uploads };
}
