/**
 * The endpoints the seed documents describe, read from the documents themselves so a new endpoint in
 * a seed fails the coverage test. The seeds are written four ways: inline `POST /path`, curl
 * `--request POST 'https://host/path'`, a URL block followed by `Method` then the verb (Inqom), and
 * an OpenAPI `paths:` map (Pleo).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = process.env.GRAND_LIVRE_SEEDS ?? '/work/shared/seeds';

const VERB = '(GET|POST|PUT|PATCH|DELETE)';

/** `METHOD /path/{param}` with the host and query string dropped. */
const endpoint = (method: string, url: string) =>
  `${method.toUpperCase()} ${url.replace(/^.*?\/\/[^/]+|^\{\{URLBase\}\}/, '').replace(/[?#].*$/, '')}`;

function inlineEndpoints(text: string): string[] {
  return [...text.matchAll(new RegExp(`\\b${VERB} (/[\\w{}./:-]*)`, 'g'))].map((m) => endpoint(m[1]!, m[2]!));
}

function curlEndpoints(text: string): string[] {
  return [...text.matchAll(new RegExp(`--request ${VERB} '([^']+)'`, 'g'))].map((m) =>
    endpoint(m[1]!, m[2]!),
  );
}

/** A `URL` heading, its URLs, then `Method` and the verb on a following line. */
function urlBlockEndpoints(text: string): string[] {
  const out: string[] = [];
  let urls: string[] | null = null;
  let awaitingVerb = false;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === 'URL') urls = [];
    else if (line === 'Method' && urls) awaitingVerb = true;
    else if (awaitingVerb && new RegExp(`^${VERB}$`).test(line)) {
      out.push(...(urls ?? []).map((url) => endpoint(line, url)));
      urls = null;
      awaitingVerb = false;
    } else if (urls && !awaitingVerb) {
      const url = /(https?:\/\/[^>\s`]+|\{\{URLBase\}\}[^>\s`]+)/.exec(line)?.[1];
      if (url) urls.push(url);
    }
  }
  return out;
}

/** `paths:` of an OpenAPI document: a `  /path:` line, then `    verb:` lines under it. */
function openApiEndpoints(text: string): string[] {
  const out: string[] = [];
  let path: string | null = null;
  for (const line of text.split('\n')) {
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) path = pathLine[1]!;
    else if (/^ {0,2}\S/.test(line)) path = null;
    const verb = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (path && verb) out.push(endpoint(verb[1]!, path));
  }
  return out;
}

/** Every distinct endpoint of every seed document, by seed file name. */
export function seedEndpoints(dir = SEEDS_DIR): Map<string, string[]> {
  const bySeed = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const found = [
      ...inlineEndpoints(text),
      ...curlEndpoints(text),
      ...urlBlockEndpoints(text),
      ...openApiEndpoints(text),
    ];
    if (found.length) bySeed.set(file, [...new Set(found)].sort());
  }
  return bySeed;
}

/** `GET /a/{id}/b` → a regex matching recorded paths (`{…}` is one path segment). */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}
