/**
 * GraphiQL's browser files, read once from node_modules (on the page's first request, not at start-up)
 * so the page works without internet egress (no CDN). Each is served under a name carrying its content
 * hash, so browsers may cache it forever and a new package version is a new URL.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StaticAsset {
  /** URL file name under `/graphiql/assets/`, e.g. `graphiql.min.3f2a9c1e.js`. */
  fileName: string;
  contentType: string;
  body: Buffer;
  /** Compressed once, on the first request that accepts gzip. */
  gzipped(): Buffer;
}

/** Package files by the logical name the page refers to them with. */
const VENDOR_FILES = {
  react: { pkg: 'react', file: 'umd/react.production.min.js' },
  reactDom: { pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  graphiqlJs: { pkg: 'graphiql', file: 'graphiql.min.js' },
  graphiqlCss: { pkg: 'graphiql', file: 'graphiql.min.css' },
} as const;

export type VendorAssetName = keyof typeof VENDOR_FILES;

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Their `exports` maps hide the UMD files from `require.resolve`, but not `package.json`. */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** The source map the bundle names is not shipped under that name; without the comment no browser asks for it. */
function withoutSourceMapComment(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function staticAsset(
  baseName: string,
  extension: 'js' | 'css',
  content: string | Buffer,
): StaticAsset {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  let gzipped: Buffer | undefined;
  return {
    fileName: `${baseName}.${hash}.${extension}`,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    body,
    gzipped: () => (gzipped ??= gzipSync(body)),
  };
}

export function loadVendorAssets(): Record<VendorAssetName, StaticAsset> {
  const entries = Object.entries(VENDOR_FILES).map(([name, { pkg, file }]) => {
    const extension = file.endsWith('.css') ? 'css' : 'js';
    const text = withoutSourceMapComment(readFileSync(packageFile(pkg, file), 'utf8'));
    const baseName = file
      .split('/')
      .pop()!
      .replace(/\.(js|css)$/, '');
    return [name, staticAsset(baseName, extension, text)] as const;
  });
  return Object.fromEntries(entries) as Record<VendorAssetName, StaticAsset>;
}
