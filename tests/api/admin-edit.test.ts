import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAuditLog, agents, users } from '../../db/schema.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
beforeAll(async () => {
  harness = await createApiHarness();
});
afterAll(async () => harness?.close());

const admin = (method: string, path: string, body?: unknown) => harness.request(method, `/api/v1/admin${path}`, { token: harness.tokens.admin, body });
const auditOf = (entityId: string) => harness.database.db.select().from(adminAuditLog).where(eq(adminAuditLog.entityId, entityId)).orderBy(adminAuditLog.id);

describe('PATCH /admin/{collection}/{key}', () => {
  it('changes only the fields sent and audits the change with before and after', async () => {
    await admin('POST', '/queues', { code: 'edit_me', name: 'Edit me', description: 'Before' });
    const changed = await admin('PATCH', '/queues/edit_me', { name: 'Edited' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ code: 'edit_me', name: 'Edited', description: 'Before', kind: 'work', isActive: true });
    const audit = await auditOf('edit_me');
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ actorUserId: harness.userIds.admin, before: { name: 'Edit me' }, after: { name: 'Edited', description: 'Before' } });
  });

  it('refuses a changed key, an unknown entry and a non-admin', async () => {
    expect((await admin('PATCH', '/queues/edit_me', { code: 'renamed' })).status).toBe(400);
    expect((await admin('PATCH', '/queues/no_such_queue', { name: 'x' })).status).toBe(404);
    expect((await admin('PATCH', '/users/not-a-uuid', { displayName: 'x' })).status).toBe(404);
    const bySupervisor = await harness.request('PATCH', '/api/v1/admin/queues/edit_me', { token: harness.tokens.supervisor, body: { name: 'x' } });
    expect(bySupervisor.status).toBe(403);
  });

  it('replaces an agent’s skills and audits the skills apart, since they live in their own table', async () => {
    const [agent] = await harness.database.db.select().from(agents).where(eq(agents.email, 'marcus.johnson@example.com'));
    const changed = await admin('PATCH', `/agents/${agent!.id}`, { skills: { payments: 3, refunds: 2 }, capacityPoints: 12 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ displayName: 'Marcus Johnson', capacityPoints: 12, skills: { payments: 3, refunds: 2 } });
    const [skillsEntry] = await harness.database.db.select().from(adminAuditLog).where(and(eq(adminAuditLog.entityId, agent!.id), eq(adminAuditLog.action, 'replace_children')));
    expect(skillsEntry).toMatchObject({ entityType: 'agent_skills', before: { skills: { payments: 5, collections: 3 } }, after: { skills: { payments: 3, refunds: 2 } } });
  });

  it('changes a user’s password to a new hash that the audit log never holds', async () => {
    const userId = harness.userIds.csr;
    const changed = await admin('PATCH', `/users/${userId}`, { password: 'a-brand-new-password-2026' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).not.toHaveProperty('passwordHash');
    const [entry] = (await auditOf(userId)).slice(-1);
    expect(JSON.stringify(entry)).not.toContain('scrypt$');
    const [user] = await harness.database.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    expect((await harness.request('POST', '/api/v1/auth/login', { body: { email: user!.email, password: 'a-brand-new-password-2026' } })).status).toBe(200);
  });
});

async function logInAs(email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await harness.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password }) });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('case_engine_session='))!.split(';')[0]!;
  const home = await (await harness.app.request('/admin', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
}

describe('the admin console edit forms', () => {
  it('shows an edit form built from the API schema, and saves only what changed', async () => {
    const { cookie, csrf } = await logInAs('admin@example.com', 'admin-demo-2026');
    await admin('POST', '/reason-codes', { code: 'web_edit', category: 'transfer', description: 'Original words' });
    const list = await (await harness.app.request('/admin/collections/reason-codes', { headers: { cookie } })).text();
    expect(list).toContain('href="/admin/collections/reason-codes/web_edit/edit"');
    const form = await (await harness.app.request('/admin/collections/reason-codes/web_edit/edit', { headers: { cookie } })).text();
    expect(form).toContain('<label>Description<input id="field-description" name="description" value="Original words" required=""/>');
    expect(form).toMatch(/<select id="field-category" name="category">.*<option value="transfer" selected="">transfer<\/option>/);
    expect(form).toContain('<input type="checkbox" id="field-isActive" name="isActive" value="1" checked=""/> Is active');
    expect(form).not.toContain('name="code"');

    const before = (await auditOf('web_edit')).length;
    const saved = await harness.app.request('/admin/collections/reason-codes/web_edit', {
      method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf, category: 'transfer', description: 'Better words' }),
    });
    expect(saved.status).toBe(303);
    expect(decodeURIComponent(saved.headers.get('location')!)).toContain('Saved web_edit: description, isActive.');
    const audit = await auditOf('web_edit');
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'update', after: { description: 'Better words', isActive: false, category: 'transfer' } });

    const unchanged = await harness.app.request('/admin/collections/reason-codes/web_edit', {
      method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf, category: 'transfer', description: 'Better words' }),
    });
    expect(decodeURIComponent(unchanged.headers.get('location')!)).toContain('Nothing changed in web_edit.');
    expect((await auditOf('web_edit')).length).toBe(before + 1);
  });

  it('reports what the API refuses, names bad JSON, and edits list fields as ticks', async () => {
    const { cookie, csrf } = await logInAs('admin@example.com', 'admin-demo-2026');
    const post = (path: string, fields: Array<[string, string]>) => Promise.resolve(harness.app.request(path, { method: 'POST', headers: { cookie }, body: new URLSearchParams([['_csrf', csrf], ...fields]) }));
    const badRef = await post('/admin/collections/queues/edit_me', [['name', 'Edited'], ['regionCode', 'atlantis'], ['kind', 'work'], ['isActive', '1']]);
    expect(badRef.headers.get('location')).toContain('/admin/collections/queues/edit_me/edit?error=');
    const form = await (await harness.app.request('/admin/collections/case-types/payment_issue/edit', { headers: { cookie } })).text();
    expect(form).toMatch(/<legend>Creator roles<\/legend>/);
    const badJson = await post('/admin/collections/case-types/payment_issue', [['requiredSkillCodes', '[not json']]);
    expect(decodeURIComponent(badJson.headers.get('location')!)).toContain('Required skill codes: not valid JSON');
  });

  it('gives supervisors the lists without edit links or edit forms', async () => {
    const { cookie } = await logInAs('supervisor@example.com', 'supervisor-demo-2026');
    const list = await (await harness.app.request('/admin/collections/queues', { headers: { cookie } })).text();
    expect(list).not.toContain('/edit"');
    const edit = await harness.app.request('/admin/collections/queues/edit_me/edit', { headers: { cookie } });
    expect(edit.status).toBe(303);
    const post = await harness.app.request('/admin/collections/queues/edit_me', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ name: 'Sneaky' }) });
    expect(decodeURIComponent(post.headers.get('location')!)).toContain('error=');
  });
});
