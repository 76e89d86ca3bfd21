/**
 * The tabs GraphiQL opens with: a query listing the companies of every provider, then one tab per
 * example operation of `schema/operations/` (the operations the SDK is generated from).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GraphiqlTab {
  query: string;
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

export function graphiqlTabs(examples: string[], headers: string | undefined): GraphiqlTab[] {
  return [COMPANIES_QUERY, ...examples].map((query) =>
    headers === undefined ? { query } : { query, headers },
  );
}
