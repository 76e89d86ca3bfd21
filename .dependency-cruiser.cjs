/**
 * `npm run lint`'s import-cycle check. dependency-cruiser rather than eslint-plugin-import-x's no-cycle:
 * that rule skips type-only imports, and a cycle through types still ties two layers together.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Layers point down: an import cycle (type imports included) means one of them points up.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|node_modules)/' },
    // Type-only imports count: TypeScript's own view of the imports, before they are erased.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
