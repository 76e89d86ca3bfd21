/**
 * Sorts the test files into jest projects by what each one needs, so that a file added under
 * test/integration lands in the right layer without editing a list:
 * - unit: test/unit — no network beyond loopback, no system packages, seconds;
 * - e2e: built processes, redis-server, Chromium, load — the folders below, plus any test/integration
 *   file that needs one of them (E2E_NEEDS);
 * - integration: the rest of test/integration — simulators and the gateway in this process.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const E2E_FOLDERS = [
  'test/e2e',
  'test/browser',
  'test/load',
  'test/integration/process',
  'test/integration/scale-out',
];
// Starts redis-server or a built gateway, drives a browser, or builds the project first.
const E2E_NEEDS = /support\/(redis-server|gateway-process)'|from 'playwright|tsconfig\.build\.json/;

function testFiles(root, dir) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(root, path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The layer of a test file given its path relative to the repository root (posix separators). */
function layerOf(root, path) {
  if (E2E_FOLDERS.some((folder) => path.startsWith(`${folder}/`))) return 'e2e';
  const needsE2e = E2E_NEEDS.test(readFileSync(join(root, path), 'utf8'));
  // The unit layer promises no system packages: a unit test that needs them is misplaced, say so.
  if (path.startsWith('test/unit/') && needsE2e)
    throw new Error(`${path} starts redis-server, a built gateway or a browser: move it out of test/unit`);
  if (path.startsWith('test/unit/')) return 'unit';
  return needsE2e ? 'e2e' : 'integration';
}

/** Absolute paths of the test files in each layer. */
function testLayers(root) {
  const layers = { unit: [], integration: [], e2e: [] };
  for (const path of testFiles(root, 'test')) layers[layerOf(root, path)].push(join(root, path));
  return layers;
}

module.exports = { testLayers, layerOf, posix: (root, file) => relative(root, file).split(sep).join('/') };
