/**
 * The `/graphiql` HTML: GraphiQL's files from `/graphiql/assets/`, its options as inert JSON. Nothing
 * is loaded from another origin, so it works without internet egress.
 */
import type { StaticAsset, VendorAssetName } from './vendor-assets';
import type { GraphiqlTab } from './example-operations';

export interface GraphiqlPageOptions {
  /** Where the page posts queries, e.g. `/graphql`. */
  endpoint: string;
  defaultQuery: string;
  tabs: GraphiqlTab[];
  /** The header editor's JSON text on first load; absent outside demo mode. */
  defaultHeaders?: string;
}

export type PageAssets = Record<VendorAssetName | 'bootScript' | 'pageCss', StaticAsset>;

/**
 * Scripts only from this origin and never inline, so injected markup cannot run code; inline styles
 * stay allowed because GraphiQL (CodeMirror) writes `<style>` elements at run time. Queries go to
 * this origin only; fonts and icons are data: URLs inside GraphiQL's stylesheet.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON in a `<script>` block: `<` escaped so no value can close the element. */
function inertJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderGraphiqlPage(
  assetsPath: string,
  assets: PageAssets,
  options: GraphiqlPageOptions,
): string {
  const url = (asset: StaticAsset) => `${assetsPath}/${asset.fileName}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Grand Livre · GraphiQL</title>
    <!-- An empty icon: otherwise the browser asks for /favicon.ico, a 404 in every console. -->
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${url(assets.graphiqlCss)}" />
    <link rel="stylesheet" href="${url(assets.pageCss)}" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="graphiql-options" type="application/json">${inertJson(options)}</script>
    <script src="${url(assets.react)}"></script>
    <script src="${url(assets.reactDom)}"></script>
    <script src="${url(assets.graphiqlJs)}"></script>
    <script src="${url(assets.bootScript)}"></script>
  </body>
</html>
`;
}
