import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CASE_SEARCH_ATTRIBUTES } from '../../src/temporal/search-attributes.js';
import { caseWorkflowPreloadModules } from '../../src/temporal/worker.js';
import { readTemporalManifest } from '../../src/temporal/temporal-manifest.js';

// Test files read what `npm run setup:temporal` recorded in .tools/temporal.json (npm test runs it
// first); they never provision, so parallel test files cannot race on an install.

/**
 * Starts the Java time-skipping test server (the provisioned executable) for one test file.
 * Timers skip ahead whenever a test awaits a workflow result.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const { testServer } = await readTemporalManifest();
  return await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServer.path } },
  });
}

/**
 * Starts the provisioned Temporal CLI dev server (in-memory, headless) with the case engine's
 * custom search attributes registered: real clocks, real visibility (list, count, search attributes).
 */
export async function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const { cli } = await readTemporalManifest();
  return await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli.path },
      searchAttributes: [...CASE_SEARCH_ATTRIBUTES],
      log: { format: 'json', level: 'error' },
    },
  });
}

/** Keeps the SDK's worker state changes (INFO) out of test output; warnings and errors still show. */
function installQuietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // This test process already installed a runtime; keep it.
  }
}

/**
 * Bundles a workflows module once (call in beforeAll, pass the result as `workflowBundle`), with
 * the shared modules production preloads, so tests run the sandbox production runs.
 */
export async function bundleWorkflows(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return await bundleWorkflowCode({ workflowsPath, preloadModules: [...caseWorkflowPreloadModules], logger: quietBundlerLogger });
}

const ignore = (): void => undefined;
// The bundler logs every build at info level; tests only care about failures, which throw.
const quietBundlerLogger = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, log: ignore };
