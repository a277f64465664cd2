import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queues } from '../../db/schema.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
beforeAll(async () => {
  harness = await createApiHarness();
});
afterAll(async () => harness?.close());

async function logIn(email: string, password: string): Promise<string> {
  const response = await harness.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password }) });
  expect(response.status).toBe(303);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('case_engine_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

const page = (path: string, cookie: string) => Promise.resolve(harness.app.request(path, { headers: { cookie } }));

describe('the web UI pages', () => {
  it('serves the login page with the demo users and sends visitors there', async () => {
    const root = await harness.app.request('/');
    expect(root.status).toBe(303);
    expect(root.headers.get('location')).toBe('/login');
    const login = await harness.app.request('/login');
    expect(login.status).toBe(200);
    const html = await login.text();
    expect(html).toContain('<form');
    expect(html).toContain('li.lei@example.com');
  });

  it('refuses a wrong password on the form', async () => {
    const response = await harness.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'li.lei@example.com', password: 'nope' }) });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('wrong');
  });

  it('lets a CSR work cases and customers but not the admin console or the supervisor desk', async () => {
    const cookie = await logIn('li.lei@example.com', 'csr-demo-2026');
    expect((await page('/', cookie)).headers.get('location')).toBe('/app/cases');
    const cases = await page('/app/cases?status=new&sort=priority', cookie);
    expect(cases.status).toBe(200);
    const casesHtml = await cases.text();
    expect(casesHtml).toContain('Open cases');
    expect(casesHtml).not.toContain('Admin console');
    expect(casesHtml).toContain('data-live-src="/app/cases?status=new&amp;sort=priority"');
    const fragment = await (await harness.app.request('/app/cases?status=new', { headers: { cookie, 'x-fragment': '1' } })).text();
    expect(fragment).toContain('id="list-title"');
    expect(fragment).not.toContain('<html');
    const search = await page('/app/customers?q=CUS-000001', cookie);
    const searchHtml = await search.text();
    const customerPath = /href="(\/app\/customers\/[0-9a-f-]{36})"/.exec(searchHtml)?.[1];
    expect(customerPath).toBeDefined();
    const view = await page(customerPath!, cookie);
    expect(view.status).toBe(200);
    const viewHtml = await view.text();
    expect(viewHtml).toContain('New case for this customer');
    expect(viewHtml).toContain('Accounts');
    expect((await page('/admin', cookie)).status).toBe(403);
    expect((await page('/supervisor', cookie)).status).toBe(403);

    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(casesHtml)![1]!;
    const saved = await harness.app.request('/app/saved-searches', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: csrfToken, name: 'New P1 cases', filters: JSON.stringify({ status: 'new', priority: 'P1', sort: 'priority' }) }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('ok=');
    expect(await (await page('/app/cases', cookie)).text()).toContain('New P1 cases');
    const forged = await harness.app.request('/app/saved-searches', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: 'forged', name: 'x', filters: '{}' }) });
    expect(decodeURIComponent(forged.headers.get('location') ?? '')).toContain('x-csrf-token');
  });

  it('shows the supervisor the dashboard', async () => {
    const cookie = await logIn('supervisor@example.com', 'supervisor-demo-2026');
    const response = await page('/supervisor', cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Queue load');
    // Queues by their names, not their codes: the queue-load bar and the unassigned board.
    const [queue] = await harness.database.db.select({ code: queues.code, name: queues.name }).from(queues).orderBy(queues.code).limit(1);
    const [customer] = await listSeedCustomers(harness.database.db, 1);
    const waiting = await insertCaseRow(harness.database.db, customer!.id, { queueCode: queue!.code, status: 'new', priority: 'P1', awaitingAssignmentSince: new Date() });
    const html = await (await page('/supervisor', cookie)).text();
    expect(queue!.name).not.toBe(queue!.code);
    expect(html).toMatch(new RegExp(`data-count-key="${queue!.code}"><span>${queue!.name}</span>`));
    expect(html).toMatch(new RegExp(`#${waiting.caseNumber}</a> [^<]*</td><td>[^<]*</td><td>${queue!.name}</td>`));
    // …and the critical-cases table (the case is P1).
    expect(html).toMatch(new RegExp(`<td>${queue!.name}<div class="muted">unassigned</div></td>`));
    expect(html).toContain('Low CSAT to review');
    expect(html).toContain('data-live-src="/supervisor/live"');
    expect((await page('/supervisor/live', cookie)).status).toBe(200);
  });

  it('shows compliance the complaints desk, admins the console, and customers the portal in two languages', async () => {
    const compliance = await logIn('compliance@example.com', 'compliance-demo-2026');
    expect(await (await page('/compliance', compliance)).text()).toContain('Formal complaints by deadline');
    expect((await page('/app/customers', compliance)).status).toBe(200);
    const admin = await logIn('admin@example.com', 'admin-demo-2026');
    const console = await (await page('/admin', admin)).text();
    expect(console).toContain('Apply to open cases');
    expect(console).toContain('New version');
    const queues = await page('/admin/collections/queues', admin);
    expect(await queues.text()).toContain('Add to queues');
    const created = await harness.app.request('/admin/collections/skills', { method: 'POST', headers: { cookie: admin }, body: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(console)![1]!, body: JSON.stringify({ code: 'web_skill', name: 'Web skill' }) }) });
    expect(created.headers.get('location')).toContain('ok=Created');
    expect(await (await page('/admin/collections/skills', admin)).text()).toContain('web_skill');
    expect((await page('/portal', admin)).status).toBe(403);
    const customer = await harness.database.sql<{ email: string }[]>`select email from users where role = 'customer' order by email limit 1`;
    const portal = await logIn(customer[0]!.email, 'customer-demo-2026');
    expect((await page('/', portal)).headers.get('location')).toBe('/portal');
    expect(await (await page('/portal', portal)).text()).toContain('Tell us what happened');
    const spanish = await page('/portal?lang=es', portal);
    expect(await spanish.text()).toContain('Cuéntenos qué pasó');
    expect(spanish.headers.get('set-cookie')).toContain('lang=es');
    expect((await page('/app/cases', portal)).status).toBe(403);
  });

  it('sends an anonymous visitor of a desk to the login page and serves the assets', async () => {
    const response = await harness.app.request('/app/cases');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fapp%2Fcases');
    expect((await harness.app.request('/assets/app.css')).headers.get('content-type')).toContain('text/css');
    expect(await (await harness.app.request('/assets/app.js')).text()).toContain('EventSource');
  });
});
