/**
 * Jepilote has no list of past exports, so the connector records each export it makes on the shared
 * store (per tenant and company, newest last), which `exportJobs` and `exportJob(id)` read back.
 */
import type { ExportJobRecord } from '../../domain/model';
import type { SharedStore } from '../../store/types';

export class JepiloteJobLog {
  constructor(
    private readonly store: SharedStore,
    private readonly tenantId: string,
  ) {}

  private listKey = (companyId: string) => `tenant:${this.tenantId}:jepilote:company:${companyId}:jobs`;
  private jobKey = (companyId: string, jobId: string) =>
    `tenant:${this.tenantId}:jepilote:company:${companyId}:job:${jobId}`;

  async record(job: ExportJobRecord): Promise<void> {
    await this.store.set(this.jobKey(job.companyId, job.providerId), JSON.stringify(job));
    await this.store.listAppend(this.listKey(job.companyId), job.providerId);
  }

  async get(companyId: string, jobId: string): Promise<ExportJobRecord | null> {
    const raw = await this.store.get(this.jobKey(companyId, jobId));
    return raw ? (JSON.parse(raw) as ExportJobRecord) : null;
  }

  /** Newest first: `offset` counts from the newest. */
  async page(
    companyId: string,
    offset: number,
    limit: number,
  ): Promise<{ jobs: ExportJobRecord[]; total: number }> {
    const total = await this.store.listLength(this.listKey(companyId));
    const stop = total - 1 - offset;
    const start = Math.max(0, stop - limit + 1);
    if (stop < 0) return { jobs: [], total };
    const ids = (await this.store.listRange(this.listKey(companyId), start, stop)).reverse();
    const jobs = await Promise.all(ids.map((id) => this.get(companyId, id)));
    return { jobs: jobs.filter((job): job is ExportJobRecord => job !== null), total };
  }
}
