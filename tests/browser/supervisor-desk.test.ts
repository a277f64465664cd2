import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessiblePage, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
}, 240_000);
afterAll(async () => harness?.stop());

const agentIdOf = async (email: string) => (await harness.database.sql<{ id: string }[]>`select id from agents where email = ${email}`)[0]!.id;

/** Creates cases through the API with the page's own session (the workflows route and project them). */
async function createCases(page: Page, subjects: string[]): Promise<string[]> {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const [customer] = await harness.database.sql<{ id: string }[]>`select id from customers order by customer_number limit 1`;
  const caseIds: string[] = [];
  for (const subject of subjects) {
    const response = await page.request.post('/api/v1/cases', { headers: { 'x-csrf-token': csrf }, data: { customerId: customer!.id, caseType: 'information_request', subject } });
    expect(response.status()).toBe(202);
    caseIds.push(((await response.json()) as { caseId: string }).caseId);
  }
  return caseIds;
}

/** Polls the read model (the workflow projects asynchronously) until `sql` answers rows. */
async function waitForRows(page: Page, read: () => PromiseLike<readonly unknown[]>, expected: number): Promise<void> {
  for (let attempt = 0; attempt < 200 && (await read()).length < expected; attempt++) await page.waitForTimeout(100);
  expect((await read()).length).toBeGreaterThanOrEqual(expected);
}

describe('the supervisor desk and bulk actions in Chromium', () => {
  const subjects = ['Waiting for a handler A', 'Waiting for a handler B'];
  let waiting: string[] = [];

  it('a supervisor assigns one waiting case by drag and drop and another by keyboard with the one-click form', async () => {
    // Nobody on shift: the routing leaves the new cases for manual scheduling.
    await harness.database.sql`update agents set availability = 'offline'`;
    const supervisor = (await harness.logIn('supervisor@example.com', 'supervisor-demo-2026')).page;
    waiting = await createCases(supervisor, subjects);
    await waitForRows(supervisor, () => harness.database.sql`select id from cases where id in ${harness.database.sql(waiting)} and awaiting_assignment_since is not null`, 2);
    await harness.database.sql`update agents set availability = 'online'`;

    await supervisor.goto('/supervisor');
    await supervisor.locator(`[data-drag-case="${waiting[0]}"]`).waitFor();
    await supervisor.locator('.drop-agents:not([hidden])').waitFor();
    await expectAccessiblePage(supervisor, 'supervisor-desk-unassigned');

    const ryan = await agentIdOf('ryan.oconnor@example.com');
    // HTML5 drag and drop through the page's own events (a synthetic mouse drag is unreliable in headless
    // Chromium): dragstart on the row, dragover and drop on the agent, one DataTransfer between them.
    const dataTransfer = await supervisor.evaluateHandle(() => new (globalThis as unknown as { DataTransfer: new () => object }).DataTransfer());
    await supervisor.locator(`[data-drag-case="${waiting[0]}"]`).dispatchEvent('dragstart', { dataTransfer });
    await expect(supervisor.locator('body.is-dragging-case').count()).resolves.toBe(1);
    await supervisor.locator(`[data-drop-agent="${ryan}"]`).dispatchEvent('dragover', { dataTransfer });
    await expect(supervisor.locator(`[data-drop-agent="${ryan}"].drop-over`).count()).resolves.toBe(1);
    await Promise.all([supervisor.waitForURL(/(ok|error)=/), supervisor.locator(`[data-drop-agent="${ryan}"]`).dispatchEvent('drop', { dataTransfer })]);
    expect(decodeURIComponent(supervisor.url())).toContain('ok=Sent: assign');
    await waitForRows(supervisor, () => harness.database.sql`select id from cases where id = ${waiting[0]!} and assignee_agent_id = ${ryan}`, 1);

    const grace = await agentIdOf('grace.okafor@example.com');
    const select = supervisor.locator(`form[data-assign-case="${waiting[1]}"] select[name="assigneeId"]`);
    await select.focus();
    await select.selectOption(grace);
    await supervisor.keyboard.press('Tab');
    expect(await supervisor.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Assign');
    await Promise.all([supervisor.waitForURL(/ok=/), supervisor.keyboard.press('Enter')]);
    await waitForRows(supervisor, () => harness.database.sql`select id from cases where id = ${waiting[1]!} and assignee_agent_id = ${grace}`, 1);
  });

  it('a supervisor reassigns an agent’s cases in bulk and reads the outcome per case', async () => {
    const supervisor = (await harness.logIn('supervisor@example.com', 'supervisor-demo-2026')).page;
    const ryan = await agentIdOf('ryan.oconnor@example.com');
    const aisha = await agentIdOf('aisha.rahman@example.com');
    await supervisor.goto('/supervisor');
    await supervisor.getByLabel('Cases of').selectOption(ryan);
    await Promise.all([supervisor.waitForURL(/from=/), supervisor.getByRole('button', { name: 'Show cases' }).click()]);
    await supervisor.getByLabel(/Select case #\d+/).first().check();
    await supervisor.getByLabel('New handler').selectOption(aisha);
    await supervisor.getByLabel('Reason').fill('Ryan is off this afternoon');
    await expectAccessiblePage(supervisor, 'supervisor-bulk-reassign');
    await Promise.all([supervisor.waitForURL(/\/supervisor\/reassign/), supervisor.getByRole('button', { name: 'Reassign selected' }).click()]);
    await supervisor.getByText('1 sent, 0 refused').waitFor();
    await expectAccessiblePage(supervisor, 'supervisor-bulk-reassign-outcome');
    await waitForRows(supervisor, () => harness.database.sql`select id from cases where id = ${waiting[0]!} and assignee_agent_id = ${aisha}`, 1);
  });

  it('a CSR ticks cases, keeps the ticks through a live refresh, and transfers them in bulk', async () => {
    const csr = (await harness.logIn('li.lei@example.com', 'csr-demo-2026')).page;
    await csr.locator('body[data-live="connected"]').waitFor();
    await csr.locator('[data-select-all]:not([hidden])').waitFor();
    for (const caseId of waiting) await csr.locator(`input[name="caseId"][value="${caseId}"]`).check();
    await csr.getByText('2 cases ticked.').waitFor();

    // Another case changes: the list redraws itself, and the ticks must survive.
    const refreshedBefore = await csr.locator('[data-live-src]').getAttribute('data-refreshed');
    await createCases(csr, ['A case that makes the list redraw']);
    await csr.waitForFunction((before) => {
      const region = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } } }).document.querySelector('[data-live-src]');
      return region.getAttribute('data-refreshed') !== before;
    }, refreshedBefore);
    for (const caseId of waiting) expect(await csr.locator(`input[name="caseId"][value="${caseId}"]`).isChecked()).toBe(true);
    await expectAccessiblePage(csr, 'csr-bulk-ticked');

    await csr.getByLabel('To queue').first().selectOption('payments');
    await csr.getByLabel('Reason for the transfer').fill('Payments team owns these');
    await Promise.all([csr.waitForURL(/\/app\/cases\/bulk/), csr.getByRole('button', { name: 'Transfer selected' }).click()]);
    await csr.getByText('2 sent, 0 refused').waitFor();
    expect(await csr.locator('[data-outcome="sent"]').count()).toBe(2);
    await expectAccessiblePage(csr, 'csr-bulk-outcome');
    await waitForRows(csr, () => harness.database.sql`select id from cases where id in ${harness.database.sql(waiting)} and queue_code = 'payments'`, 2);

    // Times read in the case's region, with the zone's abbreviation.
    await csr.goto(`/app/cases/${waiting[0]}`);
    await expect(csr.locator('[data-field="time-zone"]').textContent()).resolves.toMatch(/^America\//);
    await expect(csr.locator('#case-live').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} [ECMP][SD]T/);
  });

  it('an admin edits a queue from the console, at phone width in the dark theme', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const admin = await context.newPage();
    await admin.goto('/login');
    await admin.getByLabel('E-mail').fill('admin@example.com');
    await admin.getByLabel('Password').fill('admin-demo-2026');
    await Promise.all([admin.waitForURL(/\/admin/), admin.getByRole('button', { name: 'Log in' }).click()]);
    await admin.goto('/admin/collections/queues');
    await Promise.all([admin.waitForURL(/\/edit$/), admin.getByRole('link', { name: /^Edit / }).first().click()]);
    await expectAccessiblePage(admin, 'phone-dark-admin-edit');
    await admin.getByLabel('Description').fill('Edited in the browser');
    await Promise.all([admin.waitForURL(/ok=/), admin.getByRole('button', { name: 'Save changes' }).click()]);
    await admin.getByText(/Saved .*description/).waitFor();
    await expectAccessiblePage(admin, 'phone-dark-admin-saved');
    await context.close();
  });
});
