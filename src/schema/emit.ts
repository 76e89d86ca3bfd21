/** `npm run schema`: prints the schema to schema/schema.graphql, the committed public contract. */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGrandLivreSchema } from './build-schema';

export async function printGrandLivreSchema(): Promise<string> {
  // Sorted, so the file changes only when the schema does, not when declaration order does.
  return `${printSchema(lexicographicSortSchema(await buildGrandLivreSchema()))}\n`;
}

async function main() {
  const target = resolve(process.argv[2] ?? 'schema/schema.graphql');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await printGrandLivreSchema());
  process.stdout.write(`schema written to ${target}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
