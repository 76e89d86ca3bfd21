/**
 * Inqom's companion routes, known from integrators' clients rather than Inqom's docs: a firm's
 * accounting folders, and per folder ("dossier") its accounting periods, journals, accounts, entry
 * lines (both dates required, 1-based pages of at most 1,000 lines) with their count, and balances.
 * The JSON shapes are this simulator's reading of those clients (PascalCase, like the documents API).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ACCOUNTS, JOURNALS } from '../data/chart';
import type { GenCompany, SimulatorDataset } from '../data/dataset';
import type { InqomAccess } from './access';
import { lineJson, linesBetween } from './ledger-lines';
import { sendProblem } from './problem';

export const ENTRY_LINES_PAGE_SIZE = 1_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIRM_IDS: Record<GenCompany['owner'], string> = { demo: '5001', 'demo-other': '5002' };
const ALL_ACCOUNTS = [...Object.values(ACCOUNTS).flat()].sort((a, b) => a.number.localeCompare(b.number));
const midnight = (date: string) => `${date}T00:00:00`;

type DossierParams = { dossierId: string };
type WindowQuery = { startDate?: string; endDate?: string; pageNumber?: string };

/** Both dates as YYYY-MM-DD (a time part is tolerated), or a 400 already sent. */
function readWindow(reply: FastifyReply, query: WindowQuery): { from: string; to: string } | null {
  const from = query.startDate?.slice(0, 10);
  const to = query.endDate?.slice(0, 10);
  if (!from || !to || !DATE.test(from) || !DATE.test(to)) {
    sendProblem(reply, 400, 'startDate and endDate are both required (YYYY-MM-DD)');
    return null;
  }
  if (from > to) {
    sendProblem(reply, 400, 'startDate must not be after endDate');
    return null;
  }
  return { from, to };
}

export function registerLedgerRoutes(
  app: FastifyInstance,
  access: InqomAccess,
  dataset: SimulatorDataset,
): void {
  app.get<{ Params: { companyId: string } }>(
    '/provisioning/companies/:companyId/accounting-folders',
    async (request, reply) => {
      const caller = access.caller(request);
      if (request.params.companyId !== caller.firmId)
        return sendProblem(reply, 403, 'the user has no rights on this company');
      return dataset.companiesOf('inqom', caller.owner).map((c) => ({
        Id: Number(c.id),
        Name: c.name,
        Siren: c.siren,
        Siret: c.siret,
        CompanyId: Number(FIRM_IDS[c.owner]),
        Address: c.address,
        ZipCode: c.zip,
        City: c.city,
        CreatedAt: c.createdAt,
      }));
    },
  );

  app.get<{ Params: DossierParams }>('/v1/dossiers/:dossierId/accounting-periods', async (request, reply) => {
    const folder = access.folder(request, reply, request.params.dossierId);
    if (!folder) return reply;
    return folder.exercises.map((e) => ({
      Id: Number(e.id),
      Label: e.label,
      StartDate: midnight(e.startDate),
      EndDate: midnight(e.endDate),
      IsClosed: e.closed,
      ClosedAt: e.closedAt === null ? null : new Date(e.closedAt * 1000).toISOString(),
    }));
  });

  app.get<{ Params: DossierParams }>('/v1/dossiers/:dossierId/journals', async (request, reply) => {
    const folder = access.folder(request, reply, request.params.dossierId);
    if (!folder) return reply;
    const ids = folder.exercises[0]?.ledger.journalIds;
    return Object.entries(JOURNALS).map(([key, j]) => ({
      Id: Number(ids?.[key as keyof typeof JOURNALS]),
      Code: j.code,
      Label: j.label,
      Type: j.type,
    }));
  });

  app.get<{ Params: DossierParams }>('/v1/dossiers/:dossierId/accounts', async (request, reply) => {
    const folder = access.folder(request, reply, request.params.dossierId);
    if (!folder) return reply;
    return ALL_ACCOUNTS.map((a) => ({ Id: Number(a.number), Number: a.number, Label: a.name }));
  });

  app.get<{ Params: DossierParams; Querystring: WindowQuery }>(
    '/v1/dossiers/:dossierId/entry-lines',
    async (request, reply) => {
      const folder = access.folder(request, reply, request.params.dossierId);
      if (!folder) return reply;
      const window = readWindow(reply, request.query);
      if (!window) return reply;
      const pageNumber = Number(request.query.pageNumber ?? 1);
      if (!Number.isInteger(pageNumber) || pageNumber < 1)
        return sendProblem(reply, 400, 'pageNumber is 1-based');
      const skip = (pageNumber - 1) * ENTRY_LINES_PAGE_SIZE;
      const page = [];
      let index = 0;
      for (const line of linesBetween(dataset, folder, window.from, window.to)) {
        if (index++ < skip) continue;
        page.push(lineJson(folder, line));
        if (page.length === ENTRY_LINES_PAGE_SIZE) break;
      }
      return page;
    },
  );

  app.get<{ Params: DossierParams; Querystring: WindowQuery }>(
    '/v1/dossiers/:dossierId/entry-lines/count',
    async (request, reply) => {
      const folder = access.folder(request, reply, request.params.dossierId);
      if (!folder) return reply;
      const window = readWindow(reply, request.query);
      if (!window) return reply;
      let total = 0;
      for (const _line of linesBetween(dataset, folder, window.from, window.to)) total++;
      return { TotalLinesCount: total, TotalPagesCount: Math.ceil(total / ENTRY_LINES_PAGE_SIZE) };
    },
  );

  app.get<{ Params: DossierParams; Querystring: WindowQuery }>(
    '/v1/dossiers/:dossierId/balances',
    async (request, reply) => {
      const folder = access.folder(request, reply, request.params.dossierId);
      if (!folder) return reply;
      // Without dates, the balance of the latest accounting period (this simulator's choice).
      const latest = folder.exercises[folder.exercises.length - 1];
      const hasDates = request.query.startDate !== undefined || request.query.endDate !== undefined;
      const window = hasDates
        ? readWindow(reply, request.query)
        : latest && { from: latest.startDate, to: latest.endDate };
      if (!window) return reply;
      const totals = new Map<string, { label: string; debit: number; credit: number }>();
      for (const { line } of linesBetween(dataset, folder, window.from, window.to)) {
        const t = totals.get(line.account.number) ?? { label: line.account.name, debit: 0, credit: 0 };
        t.debit += line.debit;
        t.credit += line.credit;
        totals.set(line.account.number, t);
      }
      return [...totals.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([number, t]) => ({
          AccountNumber: number,
          AccountLabel: t.label,
          Debit: t.debit / 100,
          Credit: t.credit / 100,
          Balance: (t.debit - t.credit) / 100,
        }));
    },
  );
}
