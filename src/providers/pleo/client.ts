/**
 * Pleo's Export API routes: v3 for export jobs (the current version), v1 for accounting entries
 * (the only version that has them). Every answer is parsed by PleoTransport with schemas.ts.
 */
import { encodePath } from '../http';
import type { ConnectorDeps } from '../types';
import {
  pleoAccountingEntry,
  pleoData,
  pleoExportJob,
  pleoExportJobItem,
  pleoItemsUpdate,
  pleoPage,
  type PleoAccountingEntry,
  type PleoExportJob,
  type PleoExportJobItem,
  type PleoJobEvent,
} from './schemas';
import { PleoTransport, type PleoAccount } from './transport';

/** Pleo's largest page. */
export const PLEO_MAX_LIMIT = 100;

export type { PleoAccount };

/** One upstream page: its items, and where the next one starts. */
export interface PleoPageResult<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  total: number | null;
}

export interface PleoPageQuery {
  after: string | null;
  limit: number;
}

export interface PleoDateWindow {
  from?: string | undefined;
  to?: string | undefined;
}

/** The seed's optional CreateExportJob fields. */
export interface PleoJobOptions {
  employeeId?: string;
  isInteractive?: boolean;
  vendorBasedBookkeeping?: boolean;
}

/** One entry of a `PUT …/items` body (the simulator's reading of an undocumented layout). */
export interface PleoItemUpdate {
  accountingEntryId: string;
  status: 'in_progress' | 'successful' | 'failed';
  failureReason?: string;
  externalId?: string;
  externalUrl?: string;
}

export class PleoClient {
  private readonly transport: PleoTransport;

  constructor(account: PleoAccount, deps: ConnectorDeps) {
    this.transport = new PleoTransport(account, deps);
  }

  async searchEntries(companyId: string, page: PleoPageQuery, dates: PleoDateWindow, signal?: AbortSignal) {
    const filters = { ...(dates.from && { dateFrom: dates.from }), ...(dates.to && { dateTo: dates.to }) };
    const route = 'POST /v1/accounting-entries:search';
    const body = await this.transport.call(
      {
        method: 'POST',
        path: '/v1/accounting-entries:search',
        route,
        query: { company_id: companyId, limit: page.limit, after: page.after },
        body: JSON.stringify(Object.keys(filters).length ? { filters } : {}),
        idempotent: true, // a search only reads
        signal,
      },
      pleoPage(pleoAccountingEntry),
    );
    return toPage(body);
  }

  async getEntry(entryId: string, signal?: AbortSignal): Promise<PleoAccountingEntry | null> {
    const path = encodePath`/v1/accounting-entries/${entryId}`;
    const request = { method: 'GET', path, route: 'GET /v1/accounting-entries/{id}', signal } as const;
    return (await this.transport.call(request, pleoData(pleoAccountingEntry), true))?.data ?? null;
  }

  async listExportJobs(companyId: string, page: PleoPageQuery, signal?: AbortSignal) {
    const query = { company_id: companyId, limit: page.limit, after: page.after };
    const request = {
      method: 'GET',
      path: '/v3/export-jobs',
      route: 'GET /v3/export-jobs',
      query,
      signal,
    } as const;
    return toPage(await this.transport.call(request, pleoPage(pleoExportJob)));
  }

  async getExportJob(jobId: string, signal?: AbortSignal): Promise<PleoExportJob | null> {
    const path = encodePath`/v3/export-jobs/${jobId}`;
    const request = { method: 'GET', path, route: 'GET /v3/export-jobs/{jobId}', signal } as const;
    return (await this.transport.call(request, pleoData(pleoExportJob), true))?.data ?? null;
  }

  /** One page of a job's items, of one status or (`status` undefined) all. */
  async listJobItems(jobId: string, status: string | undefined, page: PleoPageQuery, signal?: AbortSignal) {
    const path = encodePath`/v3/export-jobs/${jobId}/items`;
    const query = { ...(status ? { status } : {}), limit: page.limit, after: page.after };
    const request = {
      method: 'GET',
      path,
      route: 'GET /v3/export-jobs/{jobId}/items',
      query,
      signal,
    } as const;
    return toPage<PleoExportJobItem>(await this.transport.call(request, pleoPage(pleoExportJobItem)));
  }

  /** Every item of a job (of one status, or all), page after page. */
  async allJobItems(jobId: string, status: string | undefined, signal?: AbortSignal) {
    const items: PleoExportJobItem[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.listJobItems(jobId, status, { after, limit: PLEO_MAX_LIMIT }, signal);
      items.push(...page.items);
      if (!page.hasNextPage || page.endCursor === null) return items;
      after = page.endCursor;
    }
  }

  /** `beforeDispatch`: run as the POST leaves, after any queue wait (see UpstreamRequest). */
  async createExportJob(
    companyId: string,
    accountingEntryIds: string[],
    options: PleoJobOptions = {},
    signal?: AbortSignal,
    beforeDispatch?: () => Promise<void>,
  ) {
    const body = JSON.stringify({
      accountingEntryIds,
      companyId,
      ...(options.employeeId !== undefined ? { employeeId: options.employeeId } : {}),
      // Default true: a gateway caller asked for this export, as a user clicking Export would.
      isInteractive: options.isInteractive ?? true,
      ...(options.vendorBasedBookkeeping !== undefined
        ? { options: { vendorBasedBookkeeping: options.vendorBasedBookkeeping } }
        : {}),
    });
    const request = {
      method: 'POST',
      path: '/v3/export-jobs',
      route: 'POST /v3/export-jobs',
      body,
      signal,
      ...(beforeDispatch ? { beforeDispatch } : {}),
    } as const;
    return (await this.transport.call(request, pleoData(pleoExportJob))).data;
  }

  /** `POST /v3/export-job-events` (202: the change shows on the next read). Never retried: a transition. */
  async postJobEvent(
    jobId: string,
    event: PleoJobEvent,
    failure: { failureReason?: string; failureReasonType?: string },
    signal?: AbortSignal,
    beforeDispatch?: () => Promise<void>,
  ): Promise<void> {
    const body = JSON.stringify({
      jobId,
      event,
      ...(failure.failureReason !== undefined ? { failureReason: failure.failureReason } : {}),
      ...(failure.failureReasonType !== undefined ? { failureReasonType: failure.failureReasonType } : {}),
    });
    await this.transport.accepted({
      method: 'POST',
      path: '/v3/export-job-events',
      route: 'POST /v3/export-job-events',
      body,
      signal,
      ...(beforeDispatch ? { beforeDispatch } : {}),
    });
  }

  /** `PUT /v3/export-jobs/{jobId}/items` (at most 100): sets absolute statuses, so it is safe to repeat. */
  async updateJobItems(
    jobId: string,
    updates: PleoItemUpdate[],
    signal?: AbortSignal,
    beforeDispatch?: () => Promise<void>,
  ) {
    const request = {
      method: 'PUT',
      path: encodePath`/v3/export-jobs/${jobId}/items`,
      route: 'PUT /v3/export-jobs/{jobId}/items',
      body: JSON.stringify(updates),
      idempotent: true,
      signal,
      ...(beforeDispatch ? { beforeDispatch } : {}),
    } as const;
    return this.transport.call(request, pleoItemsUpdate);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

interface ParsedPage<T> {
  data: T[];
  pagination: {
    hasNextPage: boolean;
    endCursor?: string | null | undefined;
    total?: number | null | undefined;
  };
}

function toPage<T>(body: ParsedPage<T>): PleoPageResult<T> {
  return {
    items: body.data,
    hasNextPage: body.pagination.hasNextPage,
    endCursor: body.pagination.endCursor ?? null,
    total: body.pagination.total ?? null,
  };
}
