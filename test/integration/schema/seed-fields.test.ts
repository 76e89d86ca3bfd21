/**
 * Every response field the seeds describe is either read by the provider's zod schemas (mapped) or
 * listed in docs/providers.md's "Seed fields left out" table with the reason. A field added to a seed, or one a
 * schema stops reading, fails here until it is mapped or listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import * as inqom from '../../../src/providers/inqom/schemas';
import * as jepilote from '../../../src/providers/jepilote/schemas';
import * as myunisoft from '../../../src/providers/myunisoft/schemas';
import * as pleo from '../../../src/providers/pleo/schemas';
import {
  jsonExampleAfter,
  jsonPaths,
  openApiProperties,
  readSeed,
  responseTableFields,
  typeScriptProperties,
} from './seed-fields';

/** Dotted paths a zod schema reads (array items share their array's path). */
function zodPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return [path, ...zodPaths(inner, path)];
      });
    case 'array':
      return zodPaths(def.element as z.ZodType, prefix);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return zodPaths(def.innerType as z.ZodType, prefix);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => zodPaths(option, prefix));
    case 'pipe':
      return [...zodPaths(def.in as z.ZodType, prefix), ...zodPaths(def.out as z.ZodType, prefix)];
    default:
      return [];
  }
}

interface SeedFields {
  seed: string;
  /** Names the seed in docs/providers.md's table (the provider, and which of its APIs when it has two seeds). */
  provider: string;
  /** Dotted paths from the answer's root. */
  paths: string[];
  /** Bare property names (TypeScript interfaces, where nesting is by type name). */
  names?: string[];
  /** The schemas reading the answer, by the path they read it at ('' = the root). */
  schemas: [string, z.ZodType][];
}

const entriesSeed = readSeed('myunisoft-entries.md');
const SEEDS: SeedFields[] = [
  {
    seed: 'myunisoft-mad-movements.md',
    provider: 'MyUnisoft MAD',
    paths: jsonPaths(jsonExampleAfter(readSeed('myunisoft-mad-movements.md'), 'Voici un exemple')),
    schemas: [['', myunisoft.madMovementSchema]],
  },
  {
    seed: 'myunisoft-entries.md',
    provider: 'MyUnisoft entries',
    paths: jsonPaths(jsonExampleAfter(entriesSeed, 'Si tout va bien')),
    names: typeScriptProperties(entriesSeed),
    schemas: [
      ['', myunisoft.legacyEntriesSchema],
      ['entry_array', myunisoft.legacyEntrySchema],
    ],
  },
  {
    seed: 'inqom-accounting-documents.md',
    provider: 'Inqom',
    paths: responseTableFields(readSeed('inqom-accounting-documents.md')),
    schemas: [
      ['', inqom.tokenResponseSchema],
      ['', inqom.documentSchema],
      ['', inqom.expenseBillCreatedSchema],
    ],
  },
  {
    seed: 'pleo-export-jobs.md',
    provider: 'Pleo',
    paths: openApiProperties(readSeed('pleo-export-jobs.md'), 'ExportJob'),
    schemas: [['', pleo.pleoExportJob]],
  },
  {
    seed: 'jepilote-export-documents.md',
    provider: 'Jepilote',
    paths: jsonPaths(jsonExampleAfter(readSeed('jepilote-export-documents.md'), '## Reponse')),
    schemas: [['', jepilote.exportResponse]],
  },
];

/** docs/providers.md's "Seed fields left out" table: every backticked field of a row, by provider. */
function listedInProvidersDoc(): Map<string, Set<string>> {
  const providersDoc = readFileSync(join(__dirname, '../../../docs/providers.md'), 'utf8');
  const section = providersDoc.slice(providersDoc.indexOf('### Seed fields left out'));
  const rows = section.slice(0, section.indexOf('\n\n', section.indexOf('| ---'))).split('\n');
  const listed = new Map<string, Set<string>>();
  for (const row of rows) {
    const [, provider, fields] = row.split('|').map((cell) => cell.trim());
    if (!provider || !fields || provider === 'provider' || provider.startsWith('---')) continue;
    const set = listed.get(provider) ?? new Set<string>();
    for (const match of fields.matchAll(/`([^`]+)`/g)) set.add(match[1]!);
    listed.set(provider, set);
  }
  return listed;
}

describe('seed response fields', () => {
  const listed = listedInProvidersDoc();

  it.each(SEEDS.map((s) => [s.seed, s] as const))('%s: every field is mapped or listed', (_seed, seed) => {
    expect(seed.paths.length).toBeGreaterThan(3); // the seed was parsed
    const read = seed.schemas.flatMap(([at, schema]) => zodPaths(schema).map((p) => (at ? `${at}.${p}` : p)));
    const own = listed.get(seed.provider) ?? new Set<string>();
    const unaccounted = [
      ...seed.paths.filter((path) => !read.includes(path) && !own.has(path)),
      // A TypeScript property is read when any schema path ends with it.
      ...(seed.names ?? []).filter(
        (name) => !read.some((p) => p === name || p.endsWith(`.${name}`)) && !own.has(name),
      ),
    ];
    expect([...new Set(unaccounted)]).toEqual([]);
  });

  it('lists only fields of the seeds, none that their schemas read (the table stays true)', () => {
    for (const [provider, fields] of listed) {
      const seeds = SEEDS.filter((s) => s.provider === provider);
      expect(seeds.length).toBeGreaterThan(0);
      const inSeeds = new Set(seeds.flatMap((s) => [...s.paths, ...(s.names ?? [])]));
      expect([...fields].filter((field) => !inSeeds.has(field))).toEqual([]);
      // A path listed as left out must not be read by the schemas of the seed that has it.
      for (const seed of seeds) {
        const read = seed.schemas.flatMap(([at, z]) => zodPaths(z).map((p) => (at ? `${at}.${p}` : p)));
        expect(seed.paths.filter((path) => fields.has(path) && read.includes(path))).toEqual([]);
      }
    }
  });
});
