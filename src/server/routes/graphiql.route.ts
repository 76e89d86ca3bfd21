/**
 * GraphiQL at `GET /graphiql`, its files at `GET /graphiql/assets/<name>.<hash>.<ext>`, all from
 * node_modules (no CDN). The page is static and needs no API key: the key is a header the user edits,
 * prefilled only when the config says so (demo mode) — and then the example tabs open with variables
 * naming ids that key sees, read once from the gateway itself over loopback.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { request } from 'undici';
import { GRAPHIQL_BROWSER_SCRIPT, GRAPHIQL_PAGE_CSS } from '../graphiql/browser-script';
import { COMPANIES_QUERY, graphiqlTabs, readExampleOperations } from '../graphiql/example-operations';
import {
  discoverExampleVariables,
  type ExampleVariables,
  type RunQuery,
} from '../graphiql/example-variables';
import { GRAPHIQL_CSP, renderGraphiqlPage, type PageAssets } from '../graphiql/graphiql-page';
import { loadVendorAssets, staticAsset, type StaticAsset } from '../graphiql/vendor-assets';

export interface GraphiqlRouteOptions {
  /** Request headers the page opens with, e.g. `{ Authorization: 'Bearer demo' }`; default none. */
  defaultHeaders?: Record<string, string>;
  /** Example operations opened as tabs after the companies query; default those of `schema/operations/`. */
  examples?: string[];
}

const PAGE_PATH = '/graphiql';
const ASSETS_PATH = '/graphiql/assets';
const GRAPHQL_PATH = '/graphql';

type PageFiles = Map<string, StaticAsset>;

/** Reads and hashes everything the page serves (~60 ms for GraphiQL's and React's bundles). */
function buildAssets(): PageAssets {
  return {
    ...loadVendorAssets(),
    bootScript: staticAsset('graphiql-boot', 'js', GRAPHIQL_BROWSER_SCRIPT),
    pageCss: staticAsset('graphiql-page', 'css', GRAPHIQL_PAGE_CSS),
  };
}

function renderPage(options: GraphiqlRouteOptions, assets: PageAssets, variables: ExampleVariables): string {
  const headers = options.defaultHeaders ? JSON.stringify(options.defaultHeaders, null, 2) : undefined;
  return renderGraphiqlPage(ASSETS_PATH, assets, {
    endpoint: GRAPHQL_PATH,
    defaultQuery: COMPANIES_QUERY,
    tabs: graphiqlTabs(options.examples ?? readExampleOperations(), headers, variables),
    ...(headers === undefined ? {} : { defaultHeaders: headers }),
  });
}

/** Runs a query on this very server, over loopback, with the page's default headers. */
function selfQuery(app: FastifyInstance, headers: Record<string, string>): RunQuery {
  return async (query, variables) => {
    const bound = app.server.address() as AddressInfo;
    const host = ['0.0.0.0', '::'].includes(bound.address) ? '127.0.0.1' : bound.address;
    const response = await request(
      `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}${GRAPHQL_PATH}`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      },
    );
    const body = (await response.body.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string }[];
    };
    if (!body.data || body.errors?.length)
      throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.statusCode}`);
    return body.data;
  };
}

export function graphiqlRoute(app: FastifyInstance, options: GraphiqlRouteOptions = {}): void {
  // Built on the first GraphiQL request, not at start-up: most requests never open the page.
  let assets: PageAssets | undefined;
  let files: PageFiles | undefined;
  const pageAssets = () => (assets ??= buildAssets());
  const pageFiles = () =>
    (files ??= new Map(Object.values(pageAssets()).map((asset) => [asset.fileName, asset])));
  // Kept once complete; a failed discovery (a provider down) is tried again on the next load.
  let html: Promise<string> | undefined;
  const page = () =>
    (html ??= (async () => {
      if (!options.defaultHeaders) return renderPage(options, pageAssets(), {});
      try {
        const variables = await discoverExampleVariables(selfQuery(app, options.defaultHeaders));
        return renderPage(options, pageAssets(), variables);
      } catch (error) {
        app.log.warn({ err: error }, 'GraphiQL example variables unavailable');
        html = undefined;
        return renderPage(options, pageAssets(), {});
      }
    })());

  app.get(PAGE_PATH, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // Revalidated each time: the page names the current asset hashes and options.
      .header('cache-control', 'no-cache')
      .header('content-security-policy', GRAPHIQL_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(await page()),
  );

  app.get<{ Params: { file: string } }>(`${ASSETS_PATH}/:file`, async (request, reply) => {
    const asset = pageFiles().get(request.params.file);
    if (!asset) return reply.code(404).send({ error: 'Not Found', message: 'No such GraphiQL asset.' });
    return sendAsset(request, reply, asset);
  });
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset): FastifyReply {
  // The name carries the content hash: a changed file is a new URL, so caching forever is safe.
  reply
    .type(asset.contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(asset.gzipped());
  }
  return reply.send(asset.body);
}
