/**
 * docs/operations.md's "Configuration reference" against the code: every environment variable read in src/,
 * scripts/ and examples/ is in its table and every variable of the table is read somewhere; every key
 * of the config schema (src/config.ts) is in its config table and every key there exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configSchema } from '../../../src/config';

const ROOT = resolve(__dirname, '../../..');
const SCANNED = ['src', 'scripts', 'examples'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** `process.env.X`, `env.X`, `env['X']` and `const { X } = process.env`: the ways this code reads one. */
export function envVarsRead(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\])/g))
    found.add((m[1] ?? m[2]) as string);
  for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g))
    for (const name of m[1]?.matchAll(/\b([A-Z][A-Z0-9_]*)\b/g) ?? []) found.add(name[1] as string);
  return found;
}

/** The first-column names of the table under `## <section>` whose header starts with `| <column> |`. */
function tableNames(doc: string, section: string, column: string): Set<string> {
  const start = doc.indexOf(`\n## ${section}\n`);
  expect(start).toBeGreaterThan(-1);
  const body = doc.slice(start + 1).split(/\n## /)[0] ?? '';
  const lines = body.split('\n');
  const header = lines.findIndex((line) => line.startsWith(`| ${column} |`));
  expect(header).toBeGreaterThan(-1);
  const names = new Set<string>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const name = /^\|\s*`([^`]+)`/.exec(line)?.[1];
    if (name) names.add(name);
  }
  return names;
}

interface ZodLike {
  _zod: {
    def: {
      type: string;
      innerType?: ZodLike;
      in?: ZodLike;
      shape?: Record<string, ZodLike>;
      element?: ZodLike;
    };
  };
}

const unwrap = (schema: ZodLike): ZodLike => {
  const def = schema._zod.def;
  if (['default', 'optional', 'nullable', 'prefault'].includes(def.type) && def.innerType)
    return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
};

/** Dotted paths of the config's leaves (`http.breaker.resetTimeoutMs`, `tenants[].id`); unions are leaves. */
function configKeys(schema: ZodLike, prefix = ''): string[] {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'object' && def.shape)
    return Object.entries(def.shape).flatMap(([key, inner]) =>
      configKeys(inner, prefix ? `${prefix}.${key}` : key),
    );
  if (def.type === 'array' && def.element && unwrap(def.element)._zod.def.type === 'object')
    return configKeys(def.element, `${prefix}[]`);
  return [prefix];
}

const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

it('documents every environment variable the code reads, and only those', () => {
  const read = new Set<string>();
  for (const dir of SCANNED)
    for (const file of sourceFiles(join(ROOT, dir)))
      for (const name of envVarsRead(readFileSync(file, 'utf8'))) read.add(name);
  const documented = tableNames(operations, 'Configuration reference', 'variable');
  expect(read.size).toBeGreaterThan(5);
  expect({ undocumented: [...read].filter((n) => !documented.has(n)).sort() }).toEqual({ undocumented: [] });
  expect({ readByNothing: [...documented].filter((n) => !read.has(n)).sort() }).toEqual({
    readByNothing: [],
  });
});

it('documents every key of the config schema, and only those', () => {
  const keys = new Set(configKeys(configSchema));
  const documented = tableNames(operations, 'Configuration reference', 'key');
  expect(keys.has('http.breaker.resetTimeoutMs')).toBe(true);
  expect({ undocumented: [...keys].filter((k) => !documented.has(k)).sort() }).toEqual({ undocumented: [] });
  expect({ unknown: [...documented].filter((k) => !keys.has(k)).sort() }).toEqual({ unknown: [] });
});

it('finds each way of reading a variable, and not a variable that is set', () => {
  const text = [
    'process.env.ONE; env.TWO; env["THREE"]; const { FOUR, FIVE: five } = process.env;',
    "const child = { ...process.env, NOT_READ: 'x' }; config.env.lower;",
  ].join('\n');
  expect([...envVarsRead(text)].sort()).toEqual(['FIVE', 'FOUR', 'ONE', 'THREE', 'TWO']);
});
