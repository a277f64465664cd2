import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { ProjectCaseEventInput } from '../../activities/case-projection-types.js';
import { caseEvents, caseNotes, caseReviews, cases, customers, notificationOutbox, surveys } from '../../db/schema.js';
import { aroundTheClockRegion, insertCustomer, seedCaseReferenceData } from '../fixtures/case-fixtures.js';
import { seedSlaPolicy } from '../../db/seed/sla-policy-seed.js';
import { resolveSlaTargets } from '../../src/domain/sla-policy.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let activities: ReturnType<typeof createActivities>;
let customerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedCaseReferenceData(database.db);
  customerId = await insertCustomer(database.db);
  activities = createActivities({ db: database.db });
});
afterAll(async () => {
  await database?.close();
});

function buildProjection(caseId: string, sequence: number, overrides: Partial<ProjectCaseEventInput> = {}): ProjectCaseEventInput {
  const nowMs = Date.UTC(2026, 10, 23, 12);
  return {
    caseId,
    sequence,
    occurredAtMs: nowMs,
    eventType: sequence === 1 ? 'case_created' : 'note_added',
    actor: 'user:csr',
    payload: {},
    caseRow: {
      caseId, caseNumber: 900_000 + Math.floor(Math.random() * 99_999), workflowId: `case-${caseId}`, customerId, channel: 'phone', caseTypeCode: 'information_request',
      subject: 'Statement question', description: '', priority: 'P3', isUrgent: false, status: 'new', segment: 'standard', complexity: 'simple',
      regionCode: aroundTheClockRegion, parentCaseId: null, queueCode: 'general_inquiries', assigneeAgentId: null, escalationGroup: null, escalatedAtMs: null,
      resolutionCategoryCode: null, resolutionNotes: null, slaPolicyVersion: 1, slaState: 'on_track', responseDueAtMs: nowMs + 4 * 3_600_000,
      resolutionDueAtMs: nowMs + 24 * 3_600_000, nextDeadlineAtMs: nowMs + 3 * 3_600_000, firstResponseAtMs: null, resolvedAtMs: null, closedAtMs: null,
      isResponseBreached: false, isResolutionBreached: false, firstResponseMs: null, timeToResolveMs: null, reopenCount: 0, csatScore: null, csatIsResolved: null,
    },
    clocks: [],
    ...overrides,
  };
}

describe('projectCaseEvent', () => {
  it('writes the event, its note and its notifications once however often it runs', async () => {
    const caseId = randomUUID();
    const created = buildProjection(caseId, 1);
    expect(await activities.projectCaseEvent(created)).toEqual({ isNewEvent: true });
    const note = buildProjection(caseId, 2, {
      caseRow: { ...created.caseRow, status: 'in_progress' },
      note: { visibility: 'internal', kind: 'note', authorName: 'user:csr', body: 'Called back' },
      notifications: [{ template: 'case_assigned', channel: 'in_app', recipient: 'agent-1', payload: {} }],
    });
    expect(await activities.projectCaseEvent(note)).toEqual({ isNewEvent: true });
    expect(await activities.projectCaseEvent(note)).toEqual({ isNewEvent: false });
    // A late retry of an older event must not move the row backwards.
    expect(await activities.projectCaseEvent(created)).toEqual({ isNewEvent: false });
    const db = database.db;
    expect(await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).toHaveLength(2);
    expect(await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId))).toHaveLength(1);
    expect(await db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, caseId))).toHaveLength(1);
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: 'in_progress', lastEventSequence: 2 });
  });

  it('writes a CSAT answer back to the customer once, however often the projection runs', async () => {
    const caseId = randomUUID();
    const ownCustomerId = await insertCustomer(database.db);
    const created = buildProjection(caseId, 1);
    const caseRow = { ...created.caseRow, customerId: ownCustomerId };
    await activities.projectCaseEvent({ ...created, caseRow });
    const sentAtMs = Date.UTC(2026, 10, 24, 12);
    await activities.projectCaseEvent(buildProjection(caseId, 2, { caseRow, eventType: 'csat_sent', survey: { status: 'sent', sentAtMs, windowClosesAtMs: sentAtMs + 7 * 86_400_000 } }));
    const answer = { score: 2, isResolved: false, comment: 'Took too long', answeredAtMs: sentAtMs + 3_600_000 };
    const answered = buildProjection(caseId, 3, { caseRow, eventType: 'csat_answered', survey: { status: 'answered', answer }, review: { kind: 'low_csat', reason: 'score 2' } });
    expect(await activities.projectCaseEvent(answered)).toEqual({ isNewEvent: true });
    expect(await activities.projectCaseEvent(answered)).toEqual({ isNewEvent: false });
    const [customer] = await database.db.select().from(customers).where(eq(customers.id, ownCustomerId));
    expect(customer).toMatchObject({ csatResponseCount: 1, csatScoreSum: 2, lastCsatScore: 2, lastSurveySentAt: new Date(sentAtMs) });
    const [survey] = await database.db.select().from(surveys).where(eq(surveys.caseId, caseId));
    expect(survey).toMatchObject({ status: 'answered', score: 2, isResolved: false, sentAt: new Date(sentAtMs) });
    expect(await database.db.select().from(caseReviews).where(eq(caseReviews.caseId, caseId))).toHaveLength(1);
  });

  it('writes nothing of an event whose records Postgres refuses', async () => {
    const caseId = randomUUID();
    const created = buildProjection(caseId, 1);
    await activities.projectCaseEvent(created);
    // An outbox channel outside the enum fails the statement after the event row was inserted in it.
    const refused = buildProjection(caseId, 2, {
      caseRow: { ...created.caseRow, status: 'in_progress' },
      note: { visibility: 'internal', kind: 'note', authorName: 'user:csr', body: 'Never stored' },
      notifications: [{ template: 'case_assigned', channel: 'carrier_pigeon' as 'email', recipient: 'agent-1', payload: {} }],
    });
    await expect(activities.projectCaseEvent(refused)).rejects.toThrow();
    const db = database.db;
    expect(await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).toHaveLength(1);
    expect(await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId))).toHaveLength(0);
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: 'new', lastEventSequence: 1 });
  });

  it('announces each projected event on the case_changed channel', async () => {
    const received: unknown[] = [];
    const listener = await database.sql.listen('case_changed', (payload) => received.push(JSON.parse(payload)));
    const caseId = randomUUID();
    await activities.projectCaseEvent(buildProjection(caseId, 1));
    for (let attempt = 0; attempt < 100 && received.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    await listener.unlisten();
    expect(received).toEqual([expect.objectContaining({ caseId, sequence: 1, type: 'case_created', status: 'new' })]);
  });

  it('loads the built-in lending policy and the region calendar', async () => {
    const policy = await activities.loadCasePolicy({ regionCode: 'us_eastern' });
    expect(policy.calendar.timeZone).toBe('America/New_York');
    expect(policy.calendar.holidays).toContain('2026-12-25');
    expect(policy.policy.warningThresholds).toEqual([0.75, 0.9]);
  });

  it('maps the stored lending policy onto the domain policy, urgent row and built-in fallback included', async () => {
    await seedSlaPolicy(database.db);
    const { policy, policyVersionId, calendar } = await activities.loadCasePolicy({ regionCode: aroundTheClockRegion });
    expect(policyVersionId).not.toBeNull();
    expect(policy).toMatchObject({ policyId: 'lending_default', version: 1, urgent: { resolution: { amount: 2, unit: 'hours', mode: 'business' } } });
    expect(policy.rules.at(-1)?.match).toEqual({});
    expect(calendar.holidays).toContain('2026-11-26');
    const vipPayment = resolveSlaTargets(policy, { caseType: 'payment_issue', priority: 'P2', segment: 'vip', isUrgent: false });
    expect(vipPayment.ok && vipPayment.targets.resolution.span).toEqual({ amount: 2, unit: 'hours', mode: 'business' });
  });
});
