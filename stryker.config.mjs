// Mutation testing of the pure domain rules (`npm run mutation`; 15-30 minutes, not part of npm test).
// The unit suite (vitest.stryker.config.ts) must kill the mutants of shared/domain. Left out: the
// province data files, the consent text and the taxonomy table (data, not rules; the table is
// fenced off with `Stryker disable all` in taxonomy.ts so its functions stay mutated).
// Static mutants (module-level schemas) need every test per mutant; they run separately with
// `npm run mutation:static` (stryker.static.config.mjs).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['shared/domain/**/*.ts', '!shared/domain/provinces/**', '!shared/domain/consent.ts'],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
};
