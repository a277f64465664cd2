import { defineConfig } from 'vitest/config';

// One Postgres per run (tests/support/global-setup.ts); every file clones its own database
// from the migrated template. Workflow tests start Temporal's servers per file.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // The JSON report lets .ci/run print one closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest-results.json' }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/domain/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/db/**/*.test.ts', 'tests/activities/**/*.test.ts', 'tests/infra/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'workflow', include: ['tests/temporal/**/*.test.ts', 'tests/workflows/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['tests/api/**/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'] } },
    ],
  },
});
