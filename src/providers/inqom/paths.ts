/**
 * Every Inqom URL the connector calls, in one place. Token and documents routes come from Inqom's
 * own documentation; the folder, period and entry-line routes from integrators' clients, and the
 * documents listing is undocumented (the simulator's choice) — correct them here against the service.
 */
import { encodePath } from '../http';

type Id = string | number;

export const inqomPaths = {
  token: '/identity/connect/token',
  folders: (firmId: Id) => encodePath`/provisioning/companies/${firmId}/accounting-folders`,
  periods: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/accounting-periods`,
  entryLines: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/entry-lines`,
  entryLinesCount: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/entry-lines/count`,
  accounts: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/accounts`,
  journals: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/journals`,
  balances: (folderId: Id) => encodePath`/v1/dossiers/${folderId}/balances`,
  documents: (folderId: Id) => encodePath`/api/accounting-documents/accounting-folders/${folderId}/Documents`,
  document: (folderId: Id, documentId: Id) =>
    encodePath`/api/accounting-documents/accounting-folders/${folderId}/Documents/${documentId}`,
  publicUrl: (folderId: Id, documentId: Id) =>
    encodePath`/api/accounting-documents/accounting-folders/${folderId}/Documents/${documentId}/public-url`,
  upload: (folderId: Id) => encodePath`/api/accounting-documents/accounting-folders/${folderId}/Documents/`,
  expenseBills: (folderId: Id) => encodePath`/api/v1/accounting-folders/${folderId}/expense-bills`,
} as const;

/** Route labels for metrics and logs (no ids). */
export const inqomRoutes = {
  token: 'POST /identity/connect/token',
  folders: 'GET /provisioning/companies/:id/accounting-folders',
  periods: 'GET /v1/dossiers/:id/accounting-periods',
  entryLines: 'GET /v1/dossiers/:id/entry-lines',
  entryLinesCount: 'GET /v1/dossiers/:id/entry-lines/count',
  accounts: 'GET /v1/dossiers/:id/accounts',
  journals: 'GET /v1/dossiers/:id/journals',
  balances: 'GET /v1/dossiers/:id/balances',
  documents: 'GET /api/accounting-documents/accounting-folders/:id/Documents',
  document: 'GET /api/accounting-documents/accounting-folders/:id/Documents/:id',
  publicUrl: 'GET /api/accounting-documents/accounting-folders/:id/Documents/:id/public-url',
  upload: 'POST /api/accounting-documents/accounting-folders/:id/Documents/',
  expenseBills: 'POST /api/v1/accounting-folders/:id/expense-bills',
} as const;

/** Inqom serves at most this many entry lines a page. */
export const ENTRY_LINES_PAGE_SIZE = 1_000;
/** Page size asked of the (undocumented) documents listing. */
export const DOCUMENTS_PAGE_SIZE = 100;
