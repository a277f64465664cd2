import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAuditLog, cases, policyApplyJobs, slaPolicies, slaPolicyVersions } from '../../db/schema.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';
import { createRecordingCaseCommands } from './recording-case-commands.js';

let harness: ApiHarness;
const recorder = createRecordingCaseCommands();

beforeAll(async () => {
  harness = await createApiHarness({ startPolicyApply: recorder.startPolicyApply });
});
afterAll(async () => harness?.close());

const admin = (method: string, path: string, body?: unknown) => harness.request(method, `/api/v1/admin${path}`, { token: harness.tokens.admin, body });

describe('admin', () => {
  it('creates and changes a reason code, and audits both with before and after', async () => {
    const created = await admin('POST', '/reason-codes', { code: 'waiting_on_bank', category: 'pause', description: 'Waiting on the correspondent bank' });
    expect(created.status).toBe(201);
    const changed = await admin('PATCH', '/reason-codes/waiting_on_bank', { description: 'Waiting on another bank' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ code: 'waiting_on_bank', description: 'Waiting on another bank', isActive: true });
    const audit = await harness.database.db.select().from(adminAuditLog).where(eq(adminAuditLog.entityId, 'waiting_on_bank')).orderBy(adminAuditLog.id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ actorUserId: harness.userIds.admin, before: { description: 'Waiting on the correspondent bank' }, after: { description: 'Waiting on another bank' } });
  });

  it('refuses a duplicate key with 409 and an unknown reference with 400', async () => {
    expect((await admin('POST', '/reason-codes', { code: 'waiting_on_bank', category: 'pause', description: 'again' })).status).toBe(409);
    const badRef = await admin('POST', '/queues', { code: 'nowhere', name: 'Nowhere', regionCode: 'atlantis' });
    expect(badRef.status).toBe(400);
  });

  it('keeps agents’ skills and holiday calendars’ days with their parent row', async () => {
    const calendar = await admin('POST', '/holiday-calendars', { code: 'bank_days', name: 'Bank days', holidays: [{ date: '2026-12-24', name: 'Christmas Eve' }] });
    expect(await calendar.json()).toMatchObject({ holidays: [{ date: '2026-12-24', officialDate: '2026-12-24' }] });
    const region = await admin('POST', '/regions', { code: 'eu_west', name: 'EU West', timeZone: 'Europe/Dublin', businessHours: { monday: [{ start: '09:00', end: '17:00' }] }, holidayCalendarCode: 'bank_days' });
    expect(region.status).toBe(201);
    expect((await admin('POST', '/regions', { code: 'mars', name: 'Mars', timeZone: 'Mars/Olympus', businessHours: {} })).status).toBe(400);
    const agent = await admin('POST', '/agents', { displayName: 'Niamh Byrne', email: 'niamh@example.com', regionCode: 'eu_west', skills: { payments: 4 } });
    expect(await agent.json()).toMatchObject({ displayName: 'Niamh Byrne', skills: { payments: 4 } });
  });

  it('creates users with a hashed password that never appears in responses or the audit log', async () => {
    const created = await admin('POST', '/users', { email: 'New.Agent@Example.com', displayName: 'New Agent', role: 'csr', password: 'a-long-enough-password' });
    const user = (await created.json()) as Record<string, unknown>;
    expect(user).toMatchObject({ email: 'new.agent@example.com', role: 'csr' });
    expect(user).not.toHaveProperty('passwordHash');
    const [entry] = await harness.database.db.select().from(adminAuditLog).where(eq(adminAuditLog.entityId, String(user.id)));
    expect(JSON.stringify(entry!.after)).not.toContain('scrypt$');
    const login = await harness.request('POST', '/api/v1/auth/login', { body: { email: 'new.agent@example.com', password: 'a-long-enough-password' } });
    expect(login.status).toBe(200);
  });

  it('writes the next SLA policy version, then records an audited re-apply job and starts its workflow', async () => {
    const [policy] = await harness.database.db.select().from(slaPolicies).limit(1);
    const [current] = await harness.database.db.select().from(slaPolicyVersions).where(eq(slaPolicyVersions.policyId, policy!.id));
    const created = await admin('POST', `/sla-policies/${policy!.id}/versions`, { targets: current!.targets, notes: 'tighter payments target' });
    expect(created.status).toBe(201);
    const { version, policyVersionId } = (await created.json()) as { version: number; policyVersionId: string };
    expect(version).toBe(current!.version + 1);
    const customers = await listSeedCustomers(harness.database.db, 3);
    await harness.database.db.update(cases).set({ status: 'closed' }); // only the case below is open
    await insertCaseRow(harness.database.db, customers[0]!.id, { status: 'in_progress', slaPolicyVersion: 1 });
    await insertCaseRow(harness.database.db, customers[1]!.id, { status: 'closed', slaPolicyVersion: 1 });
    const started = await admin('POST', `/sla-policies/${policy!.id}/apply`, { version });
    expect(started.status).toBe(202);
    const progress = (await started.json()) as { jobId: string };
    expect(progress).toMatchObject({ policyId: policy!.id, version, status: 'running', totalCases: 1, signalledCases: 0, failedCaseIds: [], finishedAt: null });
    expect(recorder.policyApplyJobIds).toEqual([progress.jobId]);
    const read = await admin('GET', `/sla-policies/${policy!.id}/apply/${progress.jobId}`);
    expect(await read.json()).toEqual(progress);
    const [job] = await harness.database.db.select().from(policyApplyJobs).where(eq(policyApplyJobs.id, progress.jobId));
    expect(job).toMatchObject({ policyVersionId, actor: `user:${harness.userIds.admin}` });
    const [audit] = await harness.database.db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'apply_version'));
    expect(audit).toMatchObject({ actorUserId: harness.userIds.admin, entityId: policy!.id, after: { version, jobId: progress.jobId, totalCases: 1 } });
    expect((await admin('GET', `/sla-policies/${customers[0]!.id}/apply/${progress.jobId}`)).status).toBe(404);
  });

  it('lets compliance read the audit log and refuses it to CSRs', async () => {
    expect((await harness.request('GET', '/api/v1/admin/audit-log', { token: harness.tokens.compliance })).status).toBe(200);
    expect((await harness.request('GET', '/api/v1/admin/audit-log', { token: harness.tokens.csr })).status).toBe(403);
  });
});
