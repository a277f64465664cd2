import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, type ServerType } from '@hono/node-server';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { seedDatabase } from '../../db/seed/seed-database.js';
import { createApp } from '../../src/api/app.js';
import { createTemporalCaseGateway } from '../../src/api/temporal-case-gateway.js';
import { createLogger } from '../../src/logger.js';
import { findFreePort } from '../../src/net/find-free-port.js';
import { CASE_SEARCH_ATTRIBUTES } from '../../src/temporal/search-attributes.js';
import { caseWorkflowsPath, createCaseWorker } from '../../src/temporal/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { bundleWorkflows, createTimeSkippingEnv } from '../support/temporal-env.js';

export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = new URL('../.artifacts/', import.meta.url).pathname;
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** The real app on a real port, with a real case worker on the time-skipping Temporal server, and Chromium. */
export interface BrowserHarness {
  baseUrl: string;
  database: TestDatabase;
  browser: Browser;
  /** A fresh browser session (its own cookies) logged in as the user. */
  logIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Moves the time-skipping server's clock forward (timers such as the CSAT survey fire). */
  skipTime(ms: number): Promise<void>;
  stop(): Promise<void>;
}

async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const valueTypes = { KEYWORD: 2, BOOL: 5 } as const;
  const searchAttributes = Object.fromEntries(CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, key.type === 'BOOL' ? valueTypes.BOOL : valueTypes.KEYWORD]));
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  await mkdir(artifactsDir, { recursive: true });
  const database = await createTestDatabase();
  await seedDatabase(database.db);
  const [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows(caseWorkflowsPath)]);
  await registerSearchAttributes(env);
  const taskQueue = `web-${Math.random().toString(36).slice(2)}`;
  const worker: Worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities: createActivities({ db: database.db, temporalClient: env.client }),
    workflowBundle: bundle,
  });
  const running = worker.run();
  const gateway = createTemporalCaseGateway(env.client, taskQueue, database.db);
  const app = createApp({ logger: createLogger('error', () => undefined), health: { checks: {}, version: 'test', startedAt: new Date() }, api: { db: database.db, sql: database.sql, ...gateway } });
  const port = await findFreePort();
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl,
    database,
    browser,
    async logIn(email, password) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(password);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Log in' }).click()]);
      return { context, page };
    },
    skipTime: (ms) => env.sleep(ms),
    async stop() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      worker.shutdown();
      await running;
      await env.teardown();
      await database.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page; answers the serious and critical violations (WCAG 2.1 A and AA rules). */
export async function findSeriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const scope = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await scope.axe.run(scope.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Saves a full-page screenshot under tests/.artifacts/ (gitignored) for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true });
}

/** Every page a browser test visits: a screenshot to look at, and no serious or critical axe violation. */
export async function expectAccessiblePage(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  const violations = await findSeriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
