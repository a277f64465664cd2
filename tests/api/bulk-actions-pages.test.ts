import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, cases } from '../../db/schema.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
const recorder = createRecordingCaseCommands();
let customerId: string;
let marcus: string;
let emily: string;

beforeAll(async () => {
  harness = await createApiHarness({ caseCommands: recorder.commands });
  customerId = (await listSeedCustomers(harness.database.db, 1))[0]!.id;
  const agentId = async (email: string) => (await harness.database.db.select({ id: agents.id }).from(agents).where(eq(agents.email, email)))[0]!.id;
  marcus = await agentId('marcus.johnson@example.com');
  emily = await agentId('emily.chen@example.com');
});
afterAll(async () => harness?.close());

async function logIn(email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await harness.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password }) });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('case_engine_session='))!.split(';')[0]!;
  const home = await (await harness.app.request('/app/cases', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
}

const page = (path: string, cookie: string) => Promise.resolve(harness.app.request(path, { headers: { cookie } }));
const post = (path: string, cookie: string, fields: Array<[string, string]>) => Promise.resolve(harness.app.request(path, { method: 'POST', headers: { cookie }, body: new URLSearchParams(fields) }));
const outcomesOf = (html: string) => [...html.matchAll(/data-outcome="(sent|refused)" data-case-id="([0-9a-f-]{36})"/g)].map((match) => ({ outcome: match[1], caseId: match[2] }));

describe('bulk actions on the case list', () => {
  it('offers a CSR ticks and the actions the role may take, with times in the CSR’s own zone', async () => {
    await insertCaseRow(harness.database.db, customerId, { createdAt: new Date('2026-01-15T17:30:00Z') });
    const { cookie } = await logIn('li.lei@example.com', 'csr-demo-2026');
    const html = await (await page('/app/cases', cookie)).text();
    expect(html).toContain('id="bulk-form"');
    expect(html).toMatch(/<input type="checkbox" name="caseId" value="[0-9a-f-]{36}" form="bulk-form" aria-label="Select case #\d+"/);
    expect(html).toContain('value="assign"');
    expect(html).toContain('value="transfer"');
    expect(html).not.toContain('value="priority">Change priority');
    // Li Lei works in US Pacific: 17:30 UTC in January is 09:30 PST.
    expect(html).toContain('2026-01-15 09:30 PST');
    const fragment = await (await harness.app.request('/app/cases', { headers: { cookie, 'x-fragment': '1' } })).text();
    expect(fragment).toContain('form="bulk-form"');
  });

  it('sends a transfer with its reason to each ticked case and tells which ones were refused and why', async () => {
    const { db } = harness.database;
    const open = [await insertCaseRow(db, customerId), await insertCaseRow(db, customerId, { status: 'assigned' })];
    const closed = await insertCaseRow(db, customerId, { status: 'closed' });
    const { cookie, csrf } = await logIn('li.lei@example.com', 'csr-demo-2026');
    const before = recorder.signals.length;
    const response = await post('/app/cases/bulk', cookie, [
      ['_csrf', csrf], ['_back', '/app/cases?status=new'], ['action', 'transfer'], ['toQueue', 'payments'], ['toAssigneeId', ''], ['transferReason', 'Payments team owns these'],
      ...[...open, closed].map((row): [string, string] => ['caseId', row.caseId]),
    ]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(outcomesOf(html)).toEqual([
      { outcome: 'sent', caseId: open[0]!.caseId }, { outcome: 'sent', caseId: open[1]!.caseId }, { outcome: 'refused', caseId: closed.caseId },
    ]);
    expect(html).toContain('2 sent, 1 refused');
    expect(html).toContain(`#${closed.caseNumber}`);
    expect(html).toContain('href="/app/cases?status=new"');
    const sent = recorder.signals.slice(before);
    // Sent a few at a time: the order of arrival is not the order of the list.
    expect(sent.map((entry) => entry.target.caseId).sort()).toEqual(open.map((row) => row.caseId).sort());
    expect(sent[0]).toMatchObject({ signal: 'transfer', payload: { toQueue: 'payments', reason: 'Payments team owns these' } });
  });

  it('sends nothing when a transfer has no reason, no case is ticked, or the role may not take the action', async () => {
    const row = await insertCaseRow(harness.database.db, customerId);
    const { cookie, csrf } = await logIn('li.lei@example.com', 'csr-demo-2026');
    const before = recorder.signals.length;
    const noReason = await post('/app/cases/bulk', cookie, [['_csrf', csrf], ['action', 'transfer'], ['toQueue', 'payments'], ['transferReason', ''], ['caseId', row.caseId]]);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('A transfer needs a reason.');
    const noTick = await post('/app/cases/bulk', cookie, [['_csrf', csrf], ['action', 'assign'], ['assigneeId', marcus]]);
    expect(await noTick.text()).toContain('Tick at least one case first.');
    const priority = await post('/app/cases/bulk', cookie, [['_csrf', csrf], ['action', 'priority'], ['priority', 'P1'], ['caseId', row.caseId]]);
    expect(await priority.text()).toContain('Your role may not take that action.');
    expect(recorder.signals.length).toBe(before);
  });

  it('lets a senior handler change the priority of many cases, and refuses a forged CSRF token case by case', async () => {
    const rows = [await insertCaseRow(harness.database.db, customerId), await insertCaseRow(harness.database.db, customerId)];
    const { cookie, csrf } = await logIn('isabella.hernandez@example.com', 'senior-demo-2026');
    const list = await (await page('/app/cases', cookie)).text();
    expect(list).toContain('Change priority of selected');
    const before = recorder.signals.length;
    const ok = await post('/app/cases/bulk', cookie, [['_csrf', csrf], ['action', 'priority'], ['priority', 'P2'], ['priorityReason', 'Customer is waiting on a payment'], ...rows.map((row): [string, string] => ['caseId', row.caseId])]);
    expect(outcomesOf(await ok.text()).map((entry) => entry.outcome)).toEqual(['sent', 'sent']);
    expect(recorder.signals.slice(before).map((entry) => entry.payload)).toEqual(rows.map(() => expect.objectContaining({ priority: 'P2', reason: 'Customer is waiting on a payment' })));
    const forged = await post('/app/cases/bulk', cookie, [['_csrf', 'forged'], ['action', 'priority'], ['priority', 'P1'], ['caseId', rows[0]!.caseId]]);
    const forgedHtml = await forged.text();
    expect(outcomesOf(forgedHtml)).toEqual([{ outcome: 'refused', caseId: rows[0]!.caseId }]);
    expect(forgedHtml).toContain('x-csrf-token');
  });
});

describe('the supervisor desk: manual scheduling and bulk reassignment', () => {
  it('shows waiting cases as draggable rows with a one-click form each, and agents as drop targets', async () => {
    const waiting = await insertCaseRow(harness.database.db, customerId, { awaitingAssignmentSince: new Date('2026-07-01T12:00:00Z') });
    const { cookie } = await logIn('supervisor@example.com', 'supervisor-demo-2026');
    const html = await (await page('/supervisor', cookie)).text();
    expect(html).toContain(`data-drag-case="${waiting.caseId}"`);
    expect(html).toContain(`data-assign-case="${waiting.caseId}"`);
    expect(html).toContain(`data-drop-agent="${marcus}"`);
    // The drop targets need scripts; without them the one-click form is the way.
    expect(html).toContain('class="drop-agents" data-drag-only="true" hidden=""');
    // No agent record, no region: the supervisor reads UTC, labelled so.
    expect(html).toContain('2026-07-01 12:00 UTC');
    const live = await (await page('/supervisor/live', cookie)).text();
    expect(live).toContain(`data-drag-case="${waiting.caseId}"`);
  });

  it('lists an agent’s open cases and reassigns the ticked ones through POST /cases/reassign', async () => {
    const { db } = harness.database;
    const mine = [await insertCaseRow(db, customerId, { status: 'assigned', assigneeAgentId: marcus }), await insertCaseRow(db, customerId, { status: 'in_progress', assigneeAgentId: marcus })];
    const { cookie, csrf } = await logIn('supervisor@example.com', 'supervisor-demo-2026');
    const html = await (await page(`/supervisor?from=${marcus}`, cookie)).text();
    expect(html).toContain('id="reassign-form"');
    expect(html).toContain('Marcus Johnson (online · 2 open)');
    for (const row of mine) expect(html).toContain(`value="${row.caseId}" form="reassign-form"`);
    const before = recorder.signals.length;
    await db.update(cases).set({ status: 'closed' }).where(eq(cases.id, mine[1]!.caseId));
    const response = await post('/supervisor/reassign', cookie, [['_csrf', csrf], ['_back', `/supervisor?from=${marcus}#reassign`], ['toAgentId', emily], ['reason', 'Marcus is off sick'], ...mine.map((row): [string, string] => ['caseId', row.caseId])]);
    expect(response.status).toBe(200);
    const outcome = await response.text();
    expect(outcomesOf(outcome)).toEqual([{ outcome: 'sent', caseId: mine[0]!.caseId }, { outcome: 'refused', caseId: mine[1]!.caseId }]);
    expect(recorder.signals.slice(before)).toEqual([expect.objectContaining({ signal: 'transfer', payload: expect.objectContaining({ toAssigneeId: emily, reason: 'Marcus is off sick' }) })]);
    const noReason = await post('/supervisor/reassign', cookie, [['_csrf', csrf], ['toAgentId', emily], ['reason', ''], ['caseId', mine[0]!.caseId]]);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('reason');
  });

  it('keeps bulk reassignment from roles the API refuses it to', async () => {
    const { cookie, csrf } = await logIn('isabella.hernandez@example.com', 'senior-demo-2026');
    const desk = await (await page('/supervisor?from=escalated', cookie)).text();
    expect(desk).not.toContain('Bulk reassignment');
    const refused = await post('/supervisor/reassign', cookie, [['_csrf', csrf], ['toAgentId', emily], ['reason', 'x'], ['caseId', '00000000-0000-4000-8000-000000000000']]);
    expect(refused.status).toBe(403);
  });
});
