import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { surveys } from '../../db/schema.js';
import { insertCaseRow, listSeedCustomers } from '../api/case-builders.js';
import { artifactsDir, expectAccessiblePage, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let harness: BrowserHarness;
let customerId: string;
const hourMs = 3_600_000;

/** A case resolved `hoursAgo` hours ago in `queue`; with a score, its answered survey too. */
async function insertResolvedCase(queue: string, hoursAgo: number, isBreached: boolean, score?: number) {
  const resolvedAt = new Date(Date.now() - hoursAgo * hourMs);
  const { caseId, caseNumber } = await insertCaseRow(harness.database.db, customerId, { status: 'resolved', queueCode: queue, resolvedAt, isResolutionBreached: isBreached });
  if (score !== undefined) await harness.database.db.insert(surveys).values({ caseId, customerId, status: 'answered', score, isResolved: true, answeredAt: new Date(resolvedAt.getTime() + hourMs / 2) });
  return { caseId, caseNumber };
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  customerId = (await listSeedCustomers(harness.database.db, 1))[0]!.id;
  // 33 answered cases spread over the last 67 days (inside the 12 weeks whatever the weekday), some breached.
  for (let step = 0; step < 11; step += 1) {
    for (let index = 0; index < 3; index += 1) {
      await insertResolvedCase(['payments', 'refunds', 'disputes'][index]!, step * 160 + 2 + index, (step + index) % 4 === 0, 1 + ((step + index * 2) % 5));
    }
  }
}, 240_000);
afterAll(async () => harness?.stop());

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.locator('.grid:has([data-chart])').screenshot({ path: `${artifactsDir}${name}-charts.png` });
  await expectAccessiblePage(page, name);
}

const readDescription = (page: Page, chart: string) => page.locator(`#${chart}-desc`).textContent();

describe('the supervisor dashboard charts in Chromium', () => {
  it('are images with a title, a description and their numbers, with no serious axe finding in light and dark, desktop and phone', async () => {
    const { page } = await harness.logIn('supervisor@example.com', 'supervisor-demo-2026');
    await page.goto('/supervisor');
    for (const chart of ['csat-trend', 'sla-weekly', 'sla-queues']) {
      const image = page.locator(`[data-chart="${chart}"] svg[role="img"]`);
      await expect(image.getAttribute('aria-labelledby')).resolves.toBe(`${chart}-title ${chart}-desc`);
    }
    expect(await readDescription(page, 'csat-trend')).toContain('from 33 answers');
    expect(await readDescription(page, 'sla-weekly')).toContain('of 33)');

    await page.locator('#csat-trend-data summary').click();
    await expect(page.locator('#csat-trend-data table tbody tr').count()).resolves.toBe(12);
    await expectAccessible(page, 'dashboard-light-desktop');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'dashboard-dark-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'dashboard-dark-phone');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, 'dashboard-light-phone');
    // Nothing wider than the phone's screen but the scrollable tables.
    const overflowPx = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflowPx).toBe(0);
    await page.context().close();
  });

  it('redraw without a reload when a case changes, keeping the open table open', async () => {
    const { page } = await harness.logIn('supervisor@example.com', 'supervisor-demo-2026');
    await page.goto('/supervisor');
    await page.locator('body[data-live="connected"]').waitFor();
    await page.locator('#sla-queues-data summary').click();
    await page.evaluate(() => ((globalThis as unknown as { stayedOnPage: boolean }).stayedOnPage = true));

    // What the projection does for a resolved case with its answer: the rows, then NOTIFY on case_changed.
    const { caseId, caseNumber } = await insertResolvedCase('technical_support', 1, true, 5);
    await harness.database.sql`select pg_notify('case_changed', ${JSON.stringify({ caseId, caseNumber, sequence: 2, type: 'csat_answered', status: 'resolved' })})`;

    await page.locator('#csat-trend-desc', { hasText: 'from 34 answers' }).waitFor({ state: 'attached' });
    await page.locator('#sla-queues-data tr[data-row="technical_support"]').waitFor();
    expect(await page.locator('#sla-queues-data').getAttribute('open')).not.toBeNull();
    expect(await page.evaluate(() => (globalThis as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
    await page.context().close();
  });
});
