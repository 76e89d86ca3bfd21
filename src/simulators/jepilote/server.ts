/**
 * The Jepilote API v2 simulator: `/login_check`, `GET /companies` (Hydra), `POST /export_documents`
 * (FEC or ACD, with the alreadyExported / flagAsExported semantics) and the three documented
 * download paths of an export file.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { startSimulatorServer, type SimulatorServer } from '../http-kit';
import type { SimulatorOptions } from '../types';
import type { DemoOwner } from '../credentials';
import { createJepiloteState, type JepiloteState } from './state';
import { describeIssues, exportRequestSchema } from './export-request';
import { buildAcdZip, buildFec, entriesOfDocuments } from './export-file';

/** API Platform's default page size (`pagination_items_per_page`). */
export const COMPANIES_PER_PAGE = 30;

const failure = (message: string, error: string[]) => ({ success: false, message, error, file: null });

function bearerOwner(state: JepiloteState, request: FastifyRequest): DemoOwner | undefined {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match ? state.ownerOf(match[1]!) : undefined;
}

function companyJson(c: JepiloteState['dataset']['companies'][number]) {
  return {
    '@id': `/companies/${c.id}`,
    '@type': 'Companies',
    companyId: Number(c.id),
    companyName: c.name,
    companyCode: '',
    vat: `FR${String((12 + 3 * (Number(c.siren) % 97)) % 97).padStart(2, '0')} ${c.siren}`,
    address: c.address,
    city: c.city,
    zip: c.zip,
    email: `contact@${c.name.toLowerCase().replace(/[^a-z]+/g, '-')}.test`,
    created: c.createdAt.replace('.000Z', '+00:00'),
    siret: c.siret,
    legalForm: '/legal_forms/2',
  };
}

function routes(app: FastifyInstance, state: JepiloteState, baseUrl: () => string): void {
  const login = async (request: FastifyRequest, reply: FastifyReply) => {
    const form = {
      ...(request.query as Record<string, string>),
      ...((request.body as Record<string, string>) ?? {}),
    };
    const token = state.login(form._username ?? '', form._password ?? '');
    if (!token) return reply.code(401).send({ code: 401, message: 'Invalid credentials.' });
    return { token };
  };
  app.get('/__admin/flagging-runs', async () => state.flaggingRuns);
  app.get('/login_check', login);
  app.post('/login_check', login);

  app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/download/')) return;
      if (!bearerOwner(state, request)) {
        const status = /^\/(get_export|export_documents?)\/[^/]+$/.test(request.url.split('?')[0]!)
          ? 403
          : 401;
        return reply
          .code(status)
          .send({ code: status, message: status === 401 ? 'JWT Token not found' : 'Access denied.' });
      }
    });

    api.get('/companies', async (request, reply) => {
      const owner = bearerOwner(state, request)!;
      const all = state.dataset.companiesOf('jepilote', owner).map(companyJson);
      const page = Number((request.query as Record<string, string | undefined>).page ?? 1);
      if (!Number.isInteger(page) || page < 1)
        return reply.code(400).send({ code: 400, message: 'Page should not be less than 1' });
      const last = Math.max(1, Math.ceil(all.length / COMPANIES_PER_PAGE));
      const link = (n: number) => `/companies?page=${n}`;
      return {
        '@context': '/contexts/Companies',
        '@id': '/companies',
        '@type': 'hydra:Collection',
        'hydra:member': all.slice((page - 1) * COMPANIES_PER_PAGE, page * COMPANIES_PER_PAGE),
        'hydra:totalItems': all.length,
        // API Platform adds the view only when the collection spans several pages.
        ...(last > 1
          ? {
              'hydra:view': {
                '@id': link(page),
                '@type': 'hydra:PartialCollectionView',
                'hydra:first': link(1),
                'hydra:last': link(last),
                ...(page > 1 ? { 'hydra:previous': link(page - 1) } : {}),
                ...(page < last ? { 'hydra:next': link(page + 1) } : {}),
              },
            }
          : {}),
      };
    });

    api.post('/export_documents', async (request, reply) => {
      const owner = bearerOwner(state, request)!;
      const parsed = exportRequestSchema.safeParse(request.body ?? {});
      if (!parsed.success)
        return reply.code(400).send(failure('paramètres invalides', describeIssues(parsed.error)));
      const input = parsed.data;
      const company = state.dataset.company('jepilote', String(input.companyId));
      // Another account's company and a missing one answer alike: no existence oracle.
      if (!company || company.owner !== owner)
        return reply.code(403).send(failure('accès refusé à cette société', ['companyId: access denied']));
      const today = new Date(state.now()).toISOString().slice(0, 10);
      const firstCreated = company.documents.map((d) => d.createdAt.slice(0, 10)).sort()[0] ?? today;
      const from = input.dateDebut ?? firstCreated;
      const to = input.dateFin ?? today;
      const flagged = state.exported(company.id);
      const selected = company.documents.filter((d) => {
        const day = d.createdAt.slice(0, 10);
        return day >= from && day <= to && (input.alreadyExported || !flagged.has(d.id));
      });
      if (input.flagAsExported) {
        const fresh = selected.filter((d) => !flagged.has(d.id));
        fresh.forEach((d) => flagged.add(d.id));
        if (fresh.length > 0) state.flaggingRuns.push({ companyId: company.id, flagged: fresh.length });
      }
      const entries = entriesOfDocuments(state.dataset, company, selected);
      const hash = randomBytes(50).toString('hex');
      // With nothing selected the export still succeeds: a header-only FEC or an empty archive.
      const built =
        input.format === 'FEC'
          ? { ...buildFec(company, entries, to), contentType: 'text/plain; charset=utf-8' }
          : { ...buildAcdZip(company, entries, selected, hash.slice(0, 8)), contentType: 'application/zip' };
      const name = input.format === 'FEC' ? built.fileName : (built as { name: string }).name;
      state.files.set(hash, {
        owner,
        name,
        fileName: built.fileName,
        contentType: built.contentType,
        bytes: built.bytes,
      });
      return {
        success: true,
        message: `export ${input.format} effectué`,
        error: null,
        file: {
          name,
          url: `${baseUrl()}/download/show/hash/${hash}`,
          api_url: `${baseUrl()}/get_export/${hash}`,
        },
      };
    });

    const download = async (request: FastifyRequest<{ Params: { hash: string } }>, reply: FastifyReply) => {
      const file = state.files.get(request.params.hash);
      if (!file) return reply.code(404).send({ code: 404, message: 'Not Found' });
      if (file.owner !== bearerOwner(state, request))
        return reply.code(403).send({ code: 403, message: 'Access denied.' });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    };
    for (const path of ['/get_export/:hash', '/export_documents/:hash', '/export_document/:hash'])
      api.get(path, download);

    // The web page of `file.url` needs a session on Jepilote's site, which API clients never have.
    api.get('/download/show/hash/:hash', async (_request, reply) =>
      reply.code(302).header('location', '/login').send(),
    );
  });
}

export async function createJepiloteSimulator(options: SimulatorOptions): Promise<SimulatorServer> {
  const state = createJepiloteState(options.dataset, options.now ?? Date.now);
  let url = '';
  const server = await startSimulatorServer('jepilote', options, (app) => routes(app, state, () => url));
  url = server.url;
  return server;
}
