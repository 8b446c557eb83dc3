import { defineConfig } from 'vitest/config';

// One project per suite: `vitest run --project unit` etc. Integration and browser tests share one
// DynamoDB Local and one local server per project run, started in globalSetup (4-9 s each).
// Lambda runs Node 22; the SDK's warning about a developer's Node 20 is noise in test output.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', env, include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          env,
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // A test that waits for the stream (`streamSettled()`) waits for every record written so
          // far, other files' too: behind the 10,000 profiles the search test loads, that took over
          // 30 s in full runs (four files timed out so, one at a time; alone each takes seconds).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // The statistics counters are global: their exact tests get a server and table of their own,
      // so no other suite's registrations move them meanwhile.
      {
        test: {
          name: 'statistics',
          env,
          include: ['test/statistics/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'infra',
          env,
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
