import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessiblePage, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
}, 240_000);
afterAll(async () => harness?.stop());

describe('the web UI in Chromium', () => {
  it('a CSR finds a customer, opens a case from the 360° view, adds a note and transfers it while a supervisor watches live', async () => {
    const login = await harness.browser.newPage({ baseURL: harness.baseUrl });
    await login.goto('/login');
    await expectAccessiblePage(login, 'login');
    await login.close();

    const csr = (await harness.logIn('li.lei@example.com', 'csr-demo-2026')).page;
    expect(new URL(csr.url()).pathname).toBe('/app/cases');
    await expectAccessiblePage(csr, 'csr-cases');

    await csr.getByRole('link', { name: 'Customers' }).click();
    await csr.getByLabel('Name, phone, e-mail or account number').fill('CUS-000001');
    await csr.getByRole('button', { name: 'Search' }).click();
    await expectAccessiblePage(csr, 'csr-customer-search');
    await csr.locator('table a[href^="/app/customers/"]').first().click();
    await csr.getByRole('heading', { name: 'New case for this customer' }).waitFor();
    await expectAccessiblePage(csr, 'csr-customer-360');

    await csr.getByLabel('Subject').fill('Payment not posted to my loan');
    await csr.getByLabel('Case type').selectOption('payment_issue');
    await Promise.all([csr.waitForURL(/\/app\/cases\/[0-9a-f-]{36}/), csr.getByRole('button', { name: 'Create case' }).click()]);
    const casePath = new URL(csr.url()).pathname;
    await csr.getByRole('heading', { name: /Payment not posted to my loan/ }).waitFor();
    await csr.locator('[data-event-type="case_created"]').waitFor();
    // Queues by their names, and the handler routing picked said once (by the assignment event).
    await expect(csr.locator('[data-field="queue"]').textContent()).resolves.toBe('Payments');
    const routing = csr.locator('[data-event-type="routed"], [data-event-type="awaiting_assignment"]').first();
    await expect(routing.locator('strong').textContent()).resolves.toMatch(/^(Routed to queue Payments|Waiting in queue Payments for a handler)$/);
    await expectAccessiblePage(csr, 'csr-case-detail');

    const supervisor = (await harness.logIn('supervisor@example.com', 'supervisor-demo-2026')).page;
    await supervisor.goto(casePath);
    await supervisor.locator('body[data-live="connected"]').waitFor();
    await supervisor.evaluate(() => ((globalThis as unknown as { stayedOnPage: boolean }).stayedOnPage = true));

    await csr.keyboard.press('n'); // the shortcut for a note
    await csr.keyboard.type('Customer sent the bank statement');
    expect(await csr.getByLabel('Note', { exact: true }).inputValue()).toBe('Customer sent the bank statement');
    await Promise.all([csr.waitForURL(/ok=/), csr.getByRole('button', { name: 'Add a note' }).click()]);
    await csr.getByText('Customer sent the bank statement').waitFor();

    await csr.locator('details[data-action="transfer"] summary').click();
    const toQueue = csr.locator('details[data-action="transfer"] select[name="toQueue"]');
    const toQueueName = (await toQueue.locator('option').nth(2).textContent())!;
    await toQueue.selectOption({ index: 2 });
    await csr.locator('details[data-action="transfer"] textarea[name="reason"]').fill('Needs the payments team');
    await Promise.all([csr.waitForURL(/ok=/), csr.locator('details[data-action="transfer"] button[type="submit"]').click()]);

    // The supervisor's page was never reloaded: the note and the transfer arrive over server-sent events.
    await supervisor.getByText('Customer sent the bank statement').waitFor();
    await supervisor.getByText('Needs the payments team').waitFor();
    await supervisor.locator('[data-event-type="transferred"]', { hasText: `Transferred to queue ${toQueueName}` }).waitFor();
    await expect(supervisor.locator('[data-field="queue"]').textContent()).resolves.toBe(toQueueName);
    expect(await supervisor.evaluate(() => (globalThis as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
    await expectAccessiblePage(supervisor, 'supervisor-case-live');

    await supervisor.goto('/supervisor');
    await supervisor.getByRole('heading', { name: 'Queue load' }).waitFor();
    await expectAccessiblePage(supervisor, 'supervisor-dashboard');
  });

  it('keeps a CSR out of the admin console; a complaint shows both clocks; an admin versions a policy and applies it', async () => {
    const csr = (await harness.logIn('li.lei@example.com', 'csr-demo-2026')).page;
    const refused = await csr.goto('/admin');
    expect(refused?.status()).toBe(403);
    await expect(csr.getByRole('heading', { name: 'Not allowed' }).isVisible()).resolves.toBe(true);
    expect(await csr.getByRole('link', { name: 'Admin console' }).count()).toBe(0);

    await csr.goto('/app/customers?q=CUS-000002');
    await csr.locator('table a[href^="/app/customers/"]').first().click();
    await csr.getByLabel('Subject').fill('Formal complaint about late fees');
    await csr.getByLabel('Case type').selectOption('complaint');
    await Promise.all([csr.waitForURL(/\/app\/cases\/[0-9a-f-]{36}/), csr.getByRole('button', { name: 'Create case' }).click()]);

    const compliance = (await harness.logIn('compliance@example.com', 'compliance-demo-2026')).page;
    expect(new URL(compliance.url()).pathname).toBe('/compliance');
    const complaint = compliance.locator('article', { hasText: 'Formal complaint about late fees' });
    for (let attempt = 0; attempt < 100 && (await complaint.locator('[data-clock="regulator_response"]').count()) === 0; attempt++) {
      await compliance.waitForTimeout(100);
      await compliance.reload();
    }
    await expect(complaint.locator('[data-clock="complaint_resolution"]').textContent()).resolves.toMatch(/Day 15 resolution.*business days? left/);
    await expect(complaint.locator('[data-clock="regulator_response"]').textContent()).resolves.toMatch(/CFPB response.*\d+ days? left/);
    await expectAccessiblePage(compliance, 'compliance-complaints');
    await complaint.getByRole('link').first().click();
    await compliance.getByRole('heading', { name: 'Temporal history' }).waitFor();
    await compliance.getByText('WorkflowExecutionStarted').first().waitFor();
    await expectAccessiblePage(compliance, 'compliance-audit');

    const admin = (await harness.logIn('admin@example.com', 'admin-demo-2026')).page;
    expect(new URL(admin.url()).pathname).toBe('/admin');
    await expectAccessiblePage(admin, 'admin-sla-policies');
    await admin.getByText('New version').click();
    await Promise.all([admin.waitForURL(/ok=/), admin.getByRole('button', { name: 'Create version' }).click()]);
    await admin.getByText('Version 2 created.').waitFor();
    await admin.locator('form[action$="/apply"] select[name="version"]').selectOption('2');
    await Promise.all([admin.waitForURL(/\/apply\//), admin.getByRole('button', { name: 'Apply to open cases' }).click()]);
    await admin.locator('[data-apply-status="done"]').waitFor();
    expect(await admin.getByText(/of [1-9]\d* open cases signalled/).count()).toBe(1);
    await expectAccessiblePage(admin, 'admin-apply-progress');
    await admin.goto('/admin/collections/queues');
    await expectAccessiblePage(admin, 'admin-queues');
  });

  it('works at phone width in the dark theme', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('supervisor@example.com');
    await page.getByLabel('Password').fill('supervisor-demo-2026');
    await Promise.all([page.waitForURL(/\/supervisor/), page.getByRole('button', { name: 'Log in' }).click()]);
    await expectAccessiblePage(page, 'phone-dark-supervisor');
    await page.locator('a[href^="/app/cases/"]').first().click();
    await page.getByRole('heading', { name: 'Actions' }).waitFor();
    await expectAccessiblePage(page, 'phone-dark-case-detail');
    await context.close();
  });

  it('a customer submits a case in the portal, follows it in English and Spanish, and answers the survey', async () => {
    // A customer without a recent survey, so the one-survey-per-interval rule lets this one go out.
    const [customer] = await harness.database.sql<{ email: string }[]>`
      select u.email from users u join customers c on c.id = u.customer_id
      where u.role = 'customer' and c.last_survey_sent_at is null order by u.email limit 1`;
    const { page } = await harness.logIn(customer!.email, 'customer-demo-2026');
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expectAccessiblePage(page, 'portal-home');
    await page.getByLabel('Subject').fill('My autopay did not run');
    await page.getByLabel('Details').fill('It was due on the 1st.');
    await Promise.all([page.waitForURL(/ok=/), page.getByRole('button', { name: 'Send', exact: true }).click()]);
    await page.getByText('Your case was received').waitFor();
    // The case shows once its workflow has projected it; the portal list has no live region, so reload until then.
    for (let attempt = 0; attempt < 100 && (await page.getByRole('link', { name: /My autopay did not run/ }).count()) === 0; attempt++) {
      await page.waitForTimeout(100);
      await page.reload();
    }
    await page.getByRole('link', { name: /My autopay did not run/ }).click();
    await page.getByRole('heading', { name: /My autopay did not run/ }).waitFor();
    await expectAccessiblePage(page, 'portal-case');
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;

    const csr = (await harness.logIn('li.lei@example.com', 'csr-demo-2026')).page;
    await csr.goto(`/app/cases/${caseId}`);
    await csr.locator('details[data-action="resolve"] summary').click();
    await csr.locator('details[data-action="resolve"] select[name="category"]').selectOption('resolved_customer_satisfied');
    await csr.locator('details[data-action="resolve"] textarea[name="notes"]').fill('Autopay re-enabled');
    await Promise.all([csr.waitForURL(/ok=/), csr.locator('details[data-action="resolve"] button[type="submit"]').click()]);
    await csr.locator('[data-event-type="resolved"]').waitFor();

    await harness.skipTime(25 * 3_600_000); // the survey goes out 24 hours after resolution
    const survey = page.getByRole('heading', { name: 'How did we do?' });
    for (let attempt = 0; attempt < 100 && (await survey.count()) === 0; attempt++) {
      await page.waitForTimeout(100);
      await page.reload();
    }
    await expectAccessiblePage(page, 'portal-survey');
    await page.getByRole('radio', { name: '4' }).check();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('Anything else? (optional)').fill('Quick and kind');
    await Promise.all([page.waitForURL(/ok=/), page.getByRole('button', { name: 'Send my answer' }).click()]);
    await page.getByText('Thank you for your answer.').waitFor();
    for (let attempt = 0; attempt < 100 && (await page.getByText('Survey answered').count()) === 0; attempt++) {
      await page.waitForTimeout(100);
      await page.reload();
    }
    await page.getByText('Survey answered').waitFor();
    const [row] = await harness.database.sql<{ csat_score: number }[]>`select csat_score from cases where id = ${caseId}`;
    expect(row?.csat_score).toBe(4);

    await page.goto('/portal?lang=es');
    await page.getByRole('heading', { name: 'Cuéntenos qué pasó' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessiblePage(page, 'portal-home-es');
  });
});
