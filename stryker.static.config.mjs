// The static mutants of shared/domain (`npm run mutation:static`): mutants in code that runs when a
// module loads, chiefly the zod schemas, each run against every unit test of its module. Stryker's
// vitest runner counts a mutant that makes a module fail to load as survived; those are checked by
// hand (bench/results/latest.md).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  ignoreStatic: false,
  incrementalFile: 'reports/stryker-static-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-static/index.html' },
  jsonReporter: { fileName: 'reports/mutation-static/mutation.json' },
};
