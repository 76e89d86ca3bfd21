/**
 * The tabs GraphiQL opens with: a query listing the companies of every provider, then one tab per
 * example operation of `schema/operations/` (the operations the SDK is generated from) that a
 * browser can send, prefilled with variables when the page opens with a key (example-variables.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NOT_RUNNABLE_IN_GRAPHIQL, type ExampleVariables } from './example-variables';

export interface GraphiqlTab {
  query: string;
  /** The variables editor's JSON text; absent when the page opens without a key. */
  variables?: string;
  /** The header editor's JSON text; absent when the user types the key. */
  headers?: string;
}

// Comment lines short enough for the editor pane beside the docs explorer.
export const COMPANIES_QUERY = `# Companies of all four providers.
# Run it with ▶ or Ctrl-Enter. Other tabs:
# the example operations. Docs: book icon.
query Companies {
  companies(first: 50) {
    totalCount
    edges {
      node {
        provider
        name
        siren
      }
    }
  }
}
`;

/** `schema/operations` from `src/server/graphiql` and from its build in `dist/src/server/graphiql`. */
export function findOperationsDir(from: string = __dirname): string | null {
  for (let dir = from, depth = 0; depth < 6; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'schema', 'operations');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Sorted by file name; none when the folder is not deployed (the page then opens on the companies query). */
export function readExampleOperations(dir: string | null = findOperationsDir()): string[] {
  if (!dir) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** The operation name of an example (`query GetCompany(` → `GetCompany`). */
export const operationNameOf = (query: string) => /^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1];

/**
 * The companies query, then the examples GraphiQL can run (not the uploads), each with its
 * variables when known.
 */
export function graphiqlTabs(
  examples: string[],
  headers: string | undefined,
  variables: ExampleVariables = {},
): GraphiqlTab[] {
  const runnable = examples.filter((query) => !NOT_RUNNABLE_IN_GRAPHIQL.has(operationNameOf(query) ?? ''));
  return [COMPANIES_QUERY, ...runnable].map((query) => {
    const known = variables[operationNameOf(query) ?? ''];
    return {
      query,
      ...(known ? { variables: JSON.stringify(known, null, 2) } : {}),
      ...(headers === undefined ? {} : { headers }),
    };
  });
}
