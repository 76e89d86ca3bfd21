/**
 * Three layers (see test/support/test-layers.js): `npm run test:unit` runs the first alone, in
 * seconds and with no system packages; `npm test` runs all three.
 */
const { testLayers } = require('./test/support/test-layers');

const layers = testLayers(__dirname);
/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
  // Tests run the SDK from its sources, like the typecheck (tsconfig.json paths).
  moduleNameMapper: { '^@grand-livre/sdk$': '<rootDir>/packages/sdk/src/index.ts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
  },
};
// A literal path as a testMatch glob: escape the characters micromatch reads as syntax.
const glob = (path) => path.replace(/[()[\]{}*?!+@]/g, '\\$&');
const project = (displayName) => ({ ...shared, displayName, testMatch: layers[displayName].map(glob) });

/** @type {import('jest').Config} */
module.exports = {
  projects: [project('unit'), project('integration'), project('e2e')],
  testTimeout: 30000,
  maxWorkers: 2,
  // Each test file leaves a vm context V8 frees only lazily: without recycling, a worker reached ~800 MB
  // of heap, 0.4–0.7 s major GCs, and took ~0.5 s to exit (jest's "failed to exit gracefully").
  workerIdleMemoryLimit: '400MB',
  coverageReporters: ['text-summary', 'lcov'],
  coveragePathIgnorePatterns: ['/node_modules/', '/test/', '/packages/sdk/src/generated/'],
};
