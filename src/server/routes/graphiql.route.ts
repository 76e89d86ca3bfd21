/**
 * GraphiQL at `GET /graphiql`, its files at `GET /graphiql/assets/<name>.<hash>.<ext>`, all from
 * node_modules (no CDN). The page is static and needs no API key: the key is a header the user edits,
 * prefilled only when the config says so (demo mode).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHIQL_BROWSER_SCRIPT, GRAPHIQL_PAGE_CSS } from '../graphiql/browser-script';
import { COMPANIES_QUERY, graphiqlTabs, readExampleOperations } from '../graphiql/example-operations';
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

interface BuiltPage {
  html: string;
  byFileName: Map<string, StaticAsset>;
}

/** Reads, hashes and renders everything the page serves (~60 ms for GraphiQL's and React's bundles). */
function buildPage(options: GraphiqlRouteOptions): BuiltPage {
  const assets: PageAssets = {
    ...loadVendorAssets(),
    bootScript: staticAsset('graphiql-boot', 'js', GRAPHIQL_BROWSER_SCRIPT),
    pageCss: staticAsset('graphiql-page', 'css', GRAPHIQL_PAGE_CSS),
  };
  const headers = options.defaultHeaders ? JSON.stringify(options.defaultHeaders, null, 2) : undefined;
  const html = renderGraphiqlPage(ASSETS_PATH, assets, {
    endpoint: GRAPHQL_PATH,
    defaultQuery: COMPANIES_QUERY,
    tabs: graphiqlTabs(options.examples ?? readExampleOperations(), headers),
    ...(headers === undefined ? {} : { defaultHeaders: headers }),
  });
  return { html, byFileName: new Map(Object.values(assets).map((asset) => [asset.fileName, asset])) };
}

export function graphiqlRoute(app: FastifyInstance, options: GraphiqlRouteOptions = {}): void {
  // Built on the first GraphiQL request, not at start-up: most requests never open the page.
  let built: BuiltPage | undefined;
  const page = () => (built ??= buildPage(options));

  app.get(PAGE_PATH, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // Revalidated each time: the page names the current asset hashes and options.
      .header('cache-control', 'no-cache')
      .header('content-security-policy', GRAPHIQL_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(page().html),
  );

  app.get<{ Params: { file: string } }>(`${ASSETS_PATH}/:file`, async (request, reply) => {
    const asset = page().byFileName.get(request.params.file);
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
