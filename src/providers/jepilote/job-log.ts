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

  /**
   * Newest first, from just before `below` (a position counted from the oldest, which a job keeps for
   * good: the log only grows at its newest end), or from the newest when null.
   */
  async page(
    companyId: string,
    below: number | null,
    limit: number,
  ): Promise<{ jobs: { job: ExportJobRecord; position: number }[]; total: number; start: number }> {
    const total = await this.store.listLength(this.listKey(companyId));
    const stop = Math.min(total, below ?? total) - 1;
    const start = Math.max(0, stop - limit + 1);
    if (stop < 0 || limit === 0) return { jobs: [], total, start: stop + 1 };
    const ids = await this.store.listRange(this.listKey(companyId), start, stop);
    const found = await Promise.all(
      ids.map(async (id, i) => ({ job: await this.get(companyId, id), position: start + i })),
    );
    const jobs = found.filter((one): one is { job: ExportJobRecord; position: number } => one.job !== null);
    return { jobs: jobs.reverse(), total, start };
  }
}
