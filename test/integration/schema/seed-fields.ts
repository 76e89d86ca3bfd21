/**
 * The response fields the seed documents describe, read from the documents themselves so a field
 * added to a seed fails the field test until it is mapped or listed. The seeds give them four ways:
 * a JSON example of the answer (MyUnisoft, Jepilote), `| Field | … |` tables under "Response Body"
 * (Inqom), TypeScript interfaces (MyUnisoft entries) and an OpenAPI schema (Pleo's ExportJob).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './seed-endpoints';

export const readSeed = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8');

/** Dotted paths of every key of a JSON value; array items share their array's path. */
export function jsonPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => jsonPaths(item, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...jsonPaths(inner, path)];
  });
}

/** The first JSON object after `marker`: from a line that is `{` to the line closing it. */
export function jsonExampleAfter(text: string, marker: string): unknown {
  const lines = text.slice(text.indexOf(marker)).split('\n');
  const start = lines.findIndex((line) => line.trim() === '{');
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const char of lines[i]!) depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth === 0) return JSON.parse(lines.slice(start, i + 1).join('\n'));
  }
  throw new Error(`no JSON example after ${marker}`);
}

/** First cells of `| Field | … |` rows in the tables that follow a response heading. */
export function responseTableFields(text: string): string[] {
  const fields = new Set<string>();
  let inResponse = false;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === 'Response Body' || line === 'Corps') inResponse = true;
    else if (/^(Requête|Paramètres|Exemple|Notes de frais|Récupérer|Erreurs)/.test(line)) inResponse = false;
    const cell = /^\|\s*([A-Za-z_][A-Za-z0-9_]*)\*?\s*\|/.exec(line)?.[1];
    if (inResponse && cell && cell !== 'Nom') fields.add(cell);
  }
  return [...fields];
}

/** Property names declared in the TypeScript interfaces and types of a seed (`name?: type;`). */
export function typeScriptProperties(text: string): string[] {
  const code = text.slice(text.indexOf('Interface TypeScript'));
  return [...new Set([...code.matchAll(/^\s*([a-zA-Z_]\w*)\??:\s/gm)].map((m) => m[1]!))];
}

/** The `properties` of one schema of an OpenAPI `components.schemas` map. */
export function openApiProperties(text: string, schema: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `    ${schema}:`);
  const fields: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^ {0,4}\S/.test(line)) break;
    const property = /^ {8}(\w+):\s*$/.exec(line)?.[1];
    if (property) fields.push(property);
  }
  return fields;
}
