import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../db/schema.js';
import { getCaseAuditTrail } from '../../src/compliance/case-audit-trail.js';
import { listComplaintsByDeadline } from '../../src/compliance/complaint-deadlines.js';
import { listComplianceBreaches } from '../../src/compliance/compliance-breaches.js';
import { insertCustomer, seedCaseReferenceData } from '../fixtures/case-fixtures.js';
import { insertComplaintCase, insertComplaintClocks } from '../fixtures/complaint-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
const ids: Record<'onTime' | 'breached' | 'resolved' | 'inquiry', { caseId: string; caseNumber: number }> = {} as never;

// Thursday 12 March 2026, noon in New York: business day 8 of a complaint filed Monday 2 March.
const now = new Date('2026-03-12T12:00-04:00');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCaseReferenceData(database.db);
  const customerId = await insertCustomer(database.db, { firstName: 'Maria', lastName: 'Gonzalez', regionCode: 'us_eastern' });
  const filedAt = new Date('2026-03-02T10:00-05:00');
  ids.onTime = await insertComplaintCase(database.db, customerId, { createdAt: filedAt });
  await insertComplaintClocks(database.db, ids.onTime.caseId, filedAt, [
    { kind: 'complaint_compliance_escalation', dueAt: '2026-03-16T09:00-04:00' },
    { kind: 'complaint_resolution', dueAt: '2026-03-23T17:00-04:00' },
    { kind: 'regulator_response', dueAt: '2026-03-18T00:00-04:00' },
    { kind: 'regulator_final_response', dueAt: '2026-05-02T00:00-04:00' },
  ]);
  const filedInLosAngeles = new Date('2026-02-18T10:00-08:00');
  ids.breached = await insertComplaintCase(database.db, customerId, { regionCode: 'us_pacific', createdAt: filedInLosAngeles, status: 'escalated' });
  await insertComplaintClocks(database.db, ids.breached.caseId, filedInLosAngeles, [
    { kind: 'complaint_compliance_escalation', dueAt: '2026-03-04T09:00-08:00', stoppedAt: '2026-03-04T09:00-08:00' },
    { kind: 'complaint_resolution', dueAt: '2026-03-11T17:00-07:00', breachedAt: '2026-03-11T17:00-07:00' },
    { kind: 'regulator_response', dueAt: '2026-03-06T00:00-08:00', stoppedAt: '2026-03-02T11:00-08:00' },
    { kind: 'regulator_final_response', dueAt: '2026-04-20T00:00-07:00' },
  ]);
  ids.resolved = await insertComplaintCase(database.db, customerId, { status: 'resolved' });
  ids.inquiry = await insertComplaintCase(database.db, customerId, { complaintClassification: 'inquiry' });
});

afterAll(async () => {
  await database.close();
});

describe('listComplaintsByDeadline', () => {
  it('lists open formal complaints, most urgent first, with days left on each clock in its region calendar', async () => {
    const lines = await listComplaintsByDeadline(database.db, { now });
    expect(lines.map(({ caseId }) => caseId)).toEqual([ids.breached.caseId, ids.onTime.caseId]);
    const [breached, onTime] = lines;
    expect(onTime!.clocks.map(({ kind, daysLeft, state }) => [kind, daysLeft, state])).toEqual([
      ['complaint_compliance_escalation', 2, 'running'],
      ['complaint_resolution', 7, 'running'],
      ['regulator_response', 5, 'running'],
      ['regulator_final_response', 50, 'running'],
    ]);
    expect(onTime).toMatchObject({ nextDueAt: '2026-03-16T13:00:00.000Z', isComplianceBreached: false, customerName: 'Maria Gonzalez' });
    expect(breached!.clocks.map(({ kind, daysLeft, state }) => [kind, daysLeft, state])).toEqual([
      ['complaint_compliance_escalation', null, 'stopped'],
      ['complaint_resolution', -1, 'breached'],
      ['regulator_response', null, 'stopped'],
      ['regulator_final_response', 38, 'running'],
    ]);
    expect(breached).toMatchObject({ isComplianceBreached: true, regionCode: 'us_pacific' });
  });

  it('includes resolved complaints only when asked', async () => {
    const lines = await listComplaintsByDeadline(database.db, { now, includeClosed: true });
    expect(lines.map(({ caseId }) => caseId)).toContain(ids.resolved.caseId);
    expect(lines.map(({ caseId }) => caseId)).not.toContain(ids.inquiry.caseId);
  });
});

describe('listComplianceBreaches', () => {
  it('lists each recorded breach with its clock and due instant', async () => {
    const breaches = await listComplianceBreaches(database.db);
    expect(breaches).toEqual([
      expect.objectContaining({ caseId: ids.breached.caseId, clock: 'complaint_resolution', dueAt: '2026-03-12T00:00:00.000Z', breachedAt: '2026-03-12T00:00:00.000Z', stoppedAt: null }),
    ]);
    expect(await listComplianceBreaches(database.db, { since: new Date('2026-03-13T00:00Z') })).toEqual([]);
  });
});

describe('getCaseAuditTrail', () => {
  it('returns the case event log in sequence order', async () => {
    const { caseId } = ids.onTime;
    await database.db.insert(caseEvents).values([
      { caseId, sequence: 2, type: 'letter_sent', actor: 'system', payload: { kind: 'acknowledgement' }, occurredAt: new Date('2026-03-02T15:01Z') },
      { caseId, sequence: 1, type: 'case_created', actor: 'user:csr-1', payload: {}, occurredAt: new Date('2026-03-02T15:00Z') },
      { caseId, sequence: 3, type: 'complaint_reclassified', actor: 'user:senior-2', payload: { from: 'inquiry', to: 'formal_complaint', reason: 'written dissatisfaction' }, occurredAt: new Date('2026-03-03T14:00Z') },
    ]);
    const trail = await getCaseAuditTrail(database.db, caseId);
    expect(trail.map(({ sequence, type, actor }) => [sequence, type, actor])).toEqual([
      [1, 'case_created', 'user:csr-1'],
      [2, 'letter_sent', 'system'],
      [3, 'complaint_reclassified', 'user:senior-2'],
    ]);
    expect(trail[2]).toMatchObject({ occurredAt: '2026-03-03T14:00:00.000Z', payload: { reason: 'written dissatisfaction' } });
  });
});
