import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClocks, caseEvents, letters, notificationOutbox } from '../../db/schema.js';
import { createAroundTheClockCalendar } from '../../src/domain/business-calendar.js';
import { findEndOfCalendarDay, findNthBusinessDay } from '../../src/domain/business-days.js';
import type { ComplaintClockKind } from '../../src/domain/complaint-clocks.js';
import { caseStateQuery, reclassifySignal, resolveSignal, sendInProgressResponseSignal } from '../../workflows/case-messages.js';
import type { CaseView } from '../../workflows/case-view.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { hourMs, startCaseHarness, type CaseHandle, type CaseHarness } from '../fixtures/case-harness.js';

const dayMs = 24 * hourMs;
// The harness region works 24×7 in UTC, so expectations come from the same domain functions.
const calendar = createAroundTheClockCalendar('UTC');

let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

/** Polls the query (no wall-clock assertions) until `isReady` holds. */
async function waitForView(handle: CaseHandle, isReady: (view: CaseView) => boolean): Promise<CaseView> {
  let last: CaseView | undefined;
  for (let attempt = 0; attempt < 400; attempt++) {
    // A query racing a workflow task can stall: bound each one and ask again.
    const view = await harness.env.client.connection.withDeadline(Date.now() + 2_000, () => handle.query(caseStateQuery)).catch(() => undefined);
    if (view && isReady(view)) return view;
    last = view ?? last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const seen = last && { status: last.status, lastSequence: last.lastSequence, clocks: last.complaint.clocks.map((clock) => `${clock.kind}:${clock.status}`), rejection: last.lastRejection };
  throw new Error(`case ${handle.workflowId} never reached the expected state; last seen ${JSON.stringify(seen)}`);
}

const readClock = (view: CaseView, kind: ComplaintClockKind) => {
  const clock = view.complaint.clocks.find((candidate) => candidate.kind === kind);
  if (!clock) throw new Error(`no ${kind} clock in the view`);
  return clock;
};

async function readCreatedAtMs(caseId: string): Promise<number> {
  const [created] = await harness.database.db.select({ at: caseEvents.occurredAt }).from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.sequence, 1)));
  return created!.at.getTime();
}

const countEvents = async (caseId: string, type: string) => (await harness.listEvents(caseId)).filter((event) => event.type === type).length;

/** Polls the event log until `count` events of `type` are projected (the query may run ahead of Postgres). */
async function waitForEvents(caseId: string, type: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 400 && (await countEvents(caseId, type)) < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(await countEvents(caseId, type)).toBeGreaterThanOrEqual(count);
}

/** Starts a formal complaint and waits for its acknowledgement letter. */
async function startComplaint(): Promise<{ handle: CaseHandle; caseId: string; view: CaseView }> {
  const input = buildCaseInput(harness.customerId, { caseType: 'complaint', channel: 'email', priority: 'P2' });
  const handle = await harness.startCase(input);
  const view = await waitForView(handle, (candidate) => candidate.complaint.clocks.length === 4 && candidate.lastSequence >= 2);
  await waitForEvents(input.caseId, 'letter_sent', 1);
  return { handle, caseId: input.caseId, view };
}

/** Moves the test server's time forward to `atMs`. */
async function skipTo(atMs: number): Promise<void> {
  await harness.env.sleep(Math.max(0, atMs - (await harness.env.currentTimeMs())));
}

describe('formal complaint workflow', () => {
  it('classifies a complaint at intake, starts its four clocks and sends the acknowledgement letter', async () => {
    const { caseId, view } = await startComplaint();
    const receivedAtMs = await readCreatedAtMs(caseId);
    expect(view.complaint).toMatchObject({ classification: 'formal_complaint', isResponseRequired: true, isComplianceBreached: false });
    expect(readClock(view, 'complaint_compliance_escalation').dueAt).toBe(findNthBusinessDay(calendar, receivedAtMs, 10).startAt);
    expect(readClock(view, 'complaint_resolution').dueAt).toBe(findNthBusinessDay(calendar, receivedAtMs, 15).endAt);
    expect(readClock(view, 'regulator_response').dueAt).toBe(findEndOfCalendarDay('UTC', receivedAtMs, 15));
    expect(readClock(view, 'regulator_final_response').dueAt).toBe(findEndOfCalendarDay('UTC', receivedAtMs, 60));
    const rows = await harness.database.db.select({ kind: letters.kind }).from(letters).where(eq(letters.caseId, caseId));
    expect(rows).toEqual([{ kind: 'acknowledgement' }]);
    const clockRows = await harness.database.db.select({ kind: caseClocks.kind }).from(caseClocks).where(eq(caseClocks.caseId, caseId)).orderBy(asc(caseClocks.kind));
    expect(clockRows.map((row) => row.kind)).toEqual(expect.arrayContaining(['complaint_compliance_escalation', 'complaint_resolution', 'regulator_response', 'regulator_final_response']));
    expect((await harness.readCase(caseId))?.complaintClassification).toBe('formal_complaint');
  });

  it('escalates an unresolved complaint to compliance on business day 10, exactly once', async () => {
    const { handle, caseId, view } = await startComplaint();
    const escalationDueAtMs = readClock(view, 'complaint_compliance_escalation').dueAt;
    await skipTo(escalationDueAtMs + hourMs);
    const escalated = await waitForView(handle, (candidate) => candidate.complaint.escalatedToComplianceAtMs !== null);
    await waitForEvents(caseId, 'escalated_to_compliance', 1);
    expect(escalated.complaint.escalatedToComplianceAtMs).toBeGreaterThanOrEqual(escalationDueAtMs);
    expect(escalated.complaint.escalatedToComplianceAtMs! - escalationDueAtMs).toBeLessThan(hourMs);
    expect(escalated).toMatchObject({ status: 'escalated', escalationGroup: 'compliance' });
    expect(escalated.escalationLog.filter((entry) => entry.trigger === 'compliance_deadline')).toHaveLength(1);
    expect(readClock(escalated, 'complaint_compliance_escalation').status).toBe('escalated');
    // The warning came two business days ahead; the escalation went to the compliance group's inbox.
    const events = await harness.listEvents(caseId);
    expect(events.filter((event) => event.type === 'complaint_deadline_warning').map((event) => event.payload.clock)).toContain('complaint_compliance_escalation');
    const outbox = await harness.database.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.caseId, caseId), eq(notificationOutbox.template, 'complaint_escalated')));
    expect(outbox.map((row) => row.recipient)).toContain('compliance');

    await harness.env.sleep(2 * dayMs);
    expect(await countEvents(caseId, 'escalated_to_compliance')).toBe(1);
    expect((await harness.readCase(caseId))?.escalationGroup).toBe('compliance');
  });

  it('stops both clocks when the complaint is resolved on business day 9 and sends the response letter', async () => {
    const { handle, caseId, view } = await startComplaint();
    await skipTo(readClock(view, 'complaint_compliance_escalation').dueAt - 12 * hourMs);
    await handle.signal(resolveSignal, { actorId: 'user:senior-1', category: 'resolved_adjustment_made', notes: 'Late fee refunded.' });
    const resolved = await waitForView(handle, (candidate) => candidate.status === 'resolved' && candidate.complaint.clocks.every((clock) => clock.status === 'met'));
    expect(resolved.complaint.clocks.every((clock) => clock.satisfiedAt !== null)).toBe(true);
    await waitForEvents(caseId, 'letter_sent', 2);
    const letterRows = await harness.database.db.select({ kind: letters.kind, sizeBytes: letters.sizeBytes }).from(letters).where(eq(letters.caseId, caseId));
    expect(letterRows.map((row) => row.kind).sort()).toEqual(['acknowledgement', 'response']);
    const outbox = await harness.database.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.caseId, caseId), eq(notificationOutbox.template, 'complaint_letter_response')));
    expect(outbox).toHaveLength(1);
    const clockRows = await harness.database.db.select().from(caseClocks).where(eq(caseClocks.caseId, caseId));
    const complaintRows = clockRows.filter((row) => row.kind !== 'first_response' && row.kind !== 'resolution');
    expect(complaintRows).toHaveLength(4);
    expect(complaintRows.every((row) => row.stoppedAt !== null && row.breachedAt === null)).toBe(true);

    // Past every deadline: nothing escalates or breaches for a resolved complaint.
    await harness.env.sleep(10 * dayMs);
    expect(await countEvents(caseId, 'escalated_to_compliance')).toBe(0);
    expect(await countEvents(caseId, 'compliance_breach')).toBe(0);
  });

  it('lets an "in progress" response meet the 15-day regulator clock while the 60-day one runs on', async () => {
    const { handle, caseId } = await startComplaint();
    await skipTo((await harness.env.currentTimeMs()) + 3 * dayMs);
    await handle.signal(sendInProgressResponseSignal, { actorId: 'user:senior-1', notes: 'We are reviewing the autopay logs.' });
    const answered = await waitForView(handle, (candidate) => candidate.complaint.inProgressResponseAtMs !== null);
    expect(readClock(answered, 'regulator_response').status).toBe('met');
    expect(readClock(answered, 'regulator_final_response')).toMatchObject({ status: 'on_track', satisfiedAt: null });
    expect(readClock(answered, 'complaint_resolution').satisfiedAt).toBeNull();
    await waitForEvents(caseId, 'letter_sent', 2);
    const letterRows = await harness.database.db.select({ kind: letters.kind }).from(letters).where(eq(letters.caseId, caseId));
    expect(letterRows.map((row) => row.kind).sort()).toEqual(['acknowledgement', 'interim_response']);

    // A second in-progress response is refused, and recorded as such.
    await handle.signal(sendInProgressResponseSignal, { actorId: 'user:senior-1' });
    const refused = await waitForView(handle, (candidate) => candidate.lastRejection?.eventType === 'sendInProgressResponse');
    expect(refused.lastRejection?.code).toBe('no_change');

    // After calendar day 15 the regulator's first clock has no breach; day 15 of the operational one does.
    await skipTo(readClock(refused, 'regulator_response').dueAt + hourMs);
    const later = await waitForView(handle, (candidate) => candidate.complaint.isComplianceBreached);
    await waitForEvents(caseId, 'compliance_breach', 1);
    expect(readClock(later, 'regulator_response').status).toBe('met');
    expect(readClock(later, 'regulator_final_response').status).toBe('on_track');
    const breaches = (await harness.listEvents(caseId)).filter((event) => event.type === 'compliance_breach').map((event) => event.payload.clock);
    expect(breaches).toEqual(['complaint_resolution']);
  });

  it('records a missed day-15 deadline as a compliance breach: event, case flag and clock row', async () => {
    const { handle, caseId, view } = await startComplaint();
    const resolutionDueAtMs = readClock(view, 'complaint_resolution').dueAt;
    await skipTo(resolutionDueAtMs + hourMs);
    const breached = await waitForView(handle, (candidate) => candidate.complaint.isComplianceBreached && readClock(candidate, 'regulator_response').status === 'breached');
    await waitForEvents(caseId, 'compliance_breach', 2);
    expect(readClock(breached, 'complaint_resolution').status).toBe('breached');
    const events = await harness.listEvents(caseId);
    const breachClocks = events.filter((event) => event.type === 'compliance_breach').map((event) => event.payload.clock);
    expect(breachClocks.sort()).toEqual(['complaint_resolution', 'regulator_response']);
    expect(events.filter((event) => event.type === 'escalated_to_compliance')).toHaveLength(1);
    expect((await harness.readCase(caseId))?.isComplianceBreached).toBe(true);
    const [row] = await harness.database.db
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.kind, 'complaint_resolution')));
    expect(row?.breachedAt?.getTime()).toBe(resolutionDueAtMs);
    const outbox = await harness.database.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.caseId, caseId), eq(notificationOutbox.template, 'compliance_breach')));
    expect(outbox.map((entry) => entry.recipient)).toContain('compliance');
  });

  it('reclassifies into and out of formal complaint with a reason, starting and stopping the clocks', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    const inquiry = await waitForView(handle, (candidate) => candidate.lastSequence >= 1);
    expect(inquiry.complaint).toMatchObject({ classification: 'inquiry', clocks: [] });
    const receivedAtMs = await readCreatedAtMs(input.caseId);

    await handle.signal(reclassifySignal, { actorId: 'user:senior-1', classification: 'formal_complaint', reason: '  ' });
    const refused = await waitForView(handle, (candidate) => candidate.lastRejection?.eventType === 'reclassify');
    expect(refused.lastRejection?.code).toBe('reason_required');

    await harness.env.sleep(dayMs);
    await handle.signal(reclassifySignal, { actorId: 'user:senior-1', classification: 'formal_complaint', reason: 'customer states it is a formal complaint' });
    const complaint = await waitForView(handle, (candidate) => candidate.complaint.classification === 'formal_complaint');
    // The regulator counts from receipt: a late reclassification buys no time.
    expect(readClock(complaint, 'complaint_resolution').dueAt).toBe(findNthBusinessDay(calendar, receivedAtMs, 15).endAt);
    expect(complaint.complaint.classificationLog).toEqual([expect.objectContaining({ from: 'inquiry', to: 'formal_complaint', clockAction: 'start' })]);
    await waitForEvents(input.caseId, 'letter_sent', 1);
    expect(await countEvents(input.caseId, 'letter_sent')).toBe(1);

    await handle.signal(reclassifySignal, { actorId: 'user:senior-1', classification: 'feedback', reason: 'on review: a suggestion, not a complaint' });
    const feedback = await waitForView(handle, (candidate) => candidate.complaint.classification === 'feedback');
    expect(feedback.complaint).toMatchObject({ isResponseRequired: false, stopped: { reason: 'on review: a suggestion, not a complaint' } });
    expect(feedback.complaint.clocks.every((clock) => clock.status === 'stopped')).toBe(true);
    await waitForEvents(input.caseId, 'complaint_reclassified', 2);
    const reclassified = (await harness.listEvents(input.caseId)).filter((event) => event.type === 'complaint_reclassified');
    expect(reclassified.map((event) => [event.payload.to, event.payload.reason])).toEqual([
      ['formal_complaint', 'customer states it is a formal complaint'],
      ['feedback', 'on review: a suggestion, not a complaint'],
    ]);
    expect((await harness.readCase(input.caseId))?.complaintClassification).toBe('feedback');

    // Stopped clocks neither escalate nor breach.
    await skipTo(readClock(feedback, 'complaint_resolution').dueAt + dayMs);
    expect(await countEvents(input.caseId, 'escalated_to_compliance')).toBe(0);
    expect(await countEvents(input.caseId, 'compliance_breach')).toBe(0);
  });

  it('replays every recorded history with the current workflow code', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error)).toEqual([]);
  });
});
