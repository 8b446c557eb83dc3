import { defineConfig } from 'vitest/config';

// The unit suite alone, without projects, for StrykerJS (stryker.config.mjs): every mutant of
// shared/domain runs against the tests that cover it, in milliseconds, with no database.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
