// The static mutants of shared/domain (`npm run mutation:static`): mutants in code that runs when a
// module loads, chiefly the zod schemas, each run against every unit test of its module. Stryker's
// vitest runner counts a mutant that makes a module fail to load as survived; those are checked by
// hand (bench/results/latest.md). About 10 minutes.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  ignoreStatic: false,
  // Static mutants carry no per-test coverage, so an incremental run would reuse a survivor's
  // result even after a new test has been written for it.
  incremental: false,
  htmlReporter: { fileName: 'reports/mutation-static/index.html' },
  jsonReporter: { fileName: 'reports/mutation-static/mutation.json' },
};
