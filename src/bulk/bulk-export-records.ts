/**
 * Bulk export records in the SharedStore, so any gateway instance can answer `bulkExport(id)`. Keys
 * start with the tenant: another tenant's export is simply absent. Records are checked with zod on
 * the way out and expire with their files (a day).
 */
import { z } from 'zod';
import { PROVIDERS, type ProviderName } from '../domain/model';
import type { SharedStore } from '../store/types';
import type { BulkExportRecord } from './bulk-export.model';

/** How long records (and files) are kept, in ms. */
export const BULK_EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

const cents = z.number().int().refine(Number.isSafeInteger);
const recordShape = z.object({
  tenantId: z.string(),
  provider: z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]),
  companyId: z.string(),
  providerId: z.string(),
  kind: z.enum(['MOVEMENTS', 'ENTRIES']),
  format: z.enum(['JSONL', 'CSV', 'FEC']),
  status: z.enum(['CREATED', 'RUNNING', 'COMPLETED', 'FAILED', 'EXPIRED']),
  rowCount: z.number().int().min(0),
  debitTotal: cents,
  creditTotal: cents,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  attempts: z.number().int().min(0),
  period: z.union([z.object({ exerciseId: z.string() }), z.object({ from: z.string(), to: z.string() })]),
  fec: z
    .object({
      fileName: z.string(),
      exercise: z.object({ startDate: z.string(), endDate: z.string() }).nullable(),
      exerciseId: z.string().nullable().default(null),
    })
    .optional(),
  fileName: z.string().nullish(),
  conformance: z
    .object({
      valid: z.boolean(),
      checks: z.array(
        z.object({
          name: z.string(),
          passed: z.boolean(),
          count: z.number().int(),
          examples: z.array(z.string()),
        }),
      ),
    })
    .nullish(),
  draftLinesLeftOut: z.number().int().min(0).nullish(),
});

const keyOf = (tenantId: string, exportId: string) =>
  `tenant:${encodeURIComponent(tenantId)}:bulk-export:${encodeURIComponent(exportId)}`;

const pendingKey = (day: string) => `bulk-exports:started:${day}`;

export class BulkExportRecords {
  constructor(private readonly store: SharedStore) {}

  async save(record: BulkExportRecord): Promise<void> {
    await this.store.set(
      keyOf(record.tenantId, record.providerId),
      JSON.stringify(record),
      BULK_EXPORT_TTL_MS,
    );
  }

  /** Adds the export to the day's list that every instance sweeps for exports to (re)run. */
  async index(record: BulkExportRecord, day = new Date().toISOString().slice(0, 10)): Promise<void> {
    await this.store.listAppend(
      pendingKey(day),
      `${record.tenantId}/${record.providerId}`,
      2 * BULK_EXPORT_TTL_MS,
    );
  }

  /** Exports started today or yesterday, as `[tenantId, exportId]` (finished ones included). */
  async indexed(now = Date.now()): Promise<[string, string][]> {
    const days = [now, now - BULK_EXPORT_TTL_MS].map((at) => new Date(at).toISOString().slice(0, 10));
    const lists = await Promise.all(days.map((day) => this.store.listRange(pendingKey(day), 0, -1)));
    return [...new Set(lists.flat())].map((entry) => entry.split('/') as [string, string]);
  }

  /** The tenant's export, or null when absent, expired or another tenant's. */
  async find(tenantId: string, exportId: string): Promise<BulkExportRecord | null> {
    const raw = await this.store.get(keyOf(tenantId, exportId));
    if (raw === null) return null;
    const parsed = recordShape.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.tenantId === tenantId ? parsed.data : null;
  }
}
