/**
 * docs/architecture.md's diagram matches `src/`: every path it names exists, and every top-level
 * folder of `src/` appears in it, so a new module or a rename shows up as a failing test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const diagram = /```mermaid\n([\s\S]*?)```/.exec(architecture)?.[1] ?? '';

/** `src/...` and `providers/...` paths named in the diagram, without trailing punctuation. */
const namedPaths = [...diagram.matchAll(/\b((?:src|providers)\/[\w./*-]+)/g)].map((m) =>
  m[1]!.replace(/[.:]+$/, '').replace(/^providers\//, 'src/providers/'),
);

describe('docs/architecture.md diagram', () => {
  it('exists and names paths', () => {
    expect(diagram).toContain('flowchart');
    expect(namedPaths.length).toBeGreaterThan(10);
  });

  it('names only paths that exist in the tree', () => {
    const missing = namedPaths
      .map((path) => path.replace(/\/\*$/, ''))
      .filter((path) => !existsSync(join(ROOT, path)) && !existsSync(join(ROOT, `${path}.ts`)));
    expect(missing).toEqual([]);
  });

  it('names every top-level folder of src/', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}`);
    const named = new Set(namedPaths.map((path) => path.split('/').slice(0, 2).join('/')));
    expect(folders.filter((folder) => !named.has(folder))).toEqual([]);
  });
});
