import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReviews, customers, notificationOutbox, surveys } from '../../db/schema.js';
import { addNoteSignal, assignSignal, csatAnswerSignal, reopenSignal, resolveSignal } from '../../workflows/case-messages.js';
import { buildCaseInput, insertCustomer } from '../fixtures/case-fixtures.js';
import { hourMs, startCaseHarness, type CaseHandle, type CaseHarness } from '../fixtures/case-harness.js';

const dayMs = 24 * hourMs;
let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

/** Starts a case, assigns it and resolves it: events 1-3. */
async function startResolvedCase(customerId = harness.customerId): Promise<{ handle: CaseHandle; caseId: string }> {
  const input = buildCaseInput(customerId);
  const handle = await harness.startCase(input);
  await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
  await handle.signal(resolveSignal, { actorId: 'user:csr', category: 'resolved_policy_explained', notes: 'Explained the two payments' });
  await harness.waitForSequence(handle, 4);
  return { handle, caseId: input.caseId };
}

async function readSurvey(caseId: string) {
  return (await harness.database.db.select().from(surveys).where(eq(surveys.caseId, caseId)))[0];
}

describe('CSAT after resolution', () => {
  it('sends the survey 24 h after resolution and closes the case when the 7-day window ends', async () => {
    const { handle, caseId } = await startResolvedCase();
    const resolved = await harness.waitForSequence(handle, 4);
    expect(resolved.status).toBe('resolved');
    expect(resolved.timeToResolveMs).not.toBeNull();
    expect(await readSurvey(caseId)).toMatchObject({ status: 'scheduled' });

    const sent = await harness.skipAndWait(handle, dayMs, 5);
    expect(sent.csatStatus).toBe('sent');
    expect(sent.csat.sentAtMs).toBe(sent.csat.windowClosesAtMs! - 7 * dayMs);
    expect(await readSurvey(caseId)).toMatchObject({ status: 'sent' });
    const outbox = await harness.database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, caseId));
    expect(outbox.map((row) => row.template)).toContain('csat_survey');

    await handle.result();
    expect(await harness.readCase(caseId)).toMatchObject({ status: 'closed', resolutionCategoryCode: 'resolved_policy_explained' });
    expect(await readSurvey(caseId)).toMatchObject({ status: 'expired' });
    const events = await harness.listEvents(caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment', 'assigned', 'resolved', 'csat_sent', 'closed']);

    // Every recorded history replays against the current workflow code.
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: harness.bundle }, history, handle.workflowId);
  });

  it('cancels the pending survey when the case is reopened', async () => {
    const { handle, caseId } = await startResolvedCase();
    await harness.env.sleep(12 * hourMs);
    await handle.signal(reopenSignal, { actorId: 'user:csr', reason: 'customer still sees two payments' });
    const reopened = await harness.waitForSequence(handle, 5);
    expect(reopened.status).toBe('in_progress');
    expect(reopened.csatStatus).toBe('cancelled');
    await harness.env.sleep(13 * hourMs);
    // A note after the would-be send time: its event follows anything the timer would have done.
    await handle.signal(addNoteSignal, { actorId: 'user:csr', body: 'Checking with payments', visibility: 'internal' });
    await harness.waitForSequence(handle, 6);
    const events = await harness.listEvents(caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment', 'assigned', 'resolved', 'reopened', 'note_added']);
    expect(await readSurvey(caseId)).toMatchObject({ status: 'cancelled' });
  });

  it('opens a supervisor review for a score below 3', async () => {
    const customerId = await insertCustomer(harness.database.db);
    const { handle, caseId } = await startResolvedCase(customerId);
    await harness.skipAndWait(handle, dayMs, 5);
    await handle.signal(csatAnswerSignal, { score: 2, isResolved: false, comment: 'Still confused' });
    const answered = await harness.waitForSequence(handle, 6);
    expect(answered.csat.answer).toMatchObject({ score: 2, isResolved: false });
    const reviews = await harness.database.db.select().from(caseReviews).where(eq(caseReviews.caseId, caseId));
    expect(reviews).toEqual([expect.objectContaining({ kind: 'low_csat', status: 'open' })]);
    expect(await harness.readCase(caseId)).toMatchObject({ csatScore: 2, csatIsResolved: false });
  });

  it('stores a score of 4 on the case, the survey and the customer profile without a review (D-1)', async () => {
    const customerId = await insertCustomer(harness.database.db);
    const { handle, caseId } = await startResolvedCase(customerId);
    await harness.skipAndWait(handle, dayMs, 5);
    await handle.signal(csatAnswerSignal, { score: 4, isResolved: true, comment: 'Timely Response' });
    await harness.waitForSequence(handle, 6);
    expect(await readSurvey(caseId)).toMatchObject({ status: 'answered', score: 4, isResolved: true, comment: 'Timely Response' });
    expect(await harness.readCase(caseId)).toMatchObject({ csatScore: 4, csatIsResolved: true });
    const [profile] = await harness.database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(profile).toMatchObject({ lastCsatScore: 4, csatResponseCount: 1, csatScoreSum: 4 });
    expect(await harness.database.db.select().from(caseReviews).where(eq(caseReviews.caseId, caseId))).toEqual([]);
    // One survey per case: a second answer is refused and recorded.
    await handle.signal(csatAnswerSignal, { score: 1, isResolved: false });
    const view = await harness.waitForSequence(handle, 7);
    expect(view.lastRejection).toMatchObject({ code: 'csat_not_open' });
  });

  it('sends no more than one survey per customer in 7 days', async () => {
    const customerId = await insertCustomer(harness.database.db);
    const first = await startResolvedCase(customerId);
    await harness.skipAndWait(first.handle, dayMs, 5);
    expect(await readSurvey(first.caseId)).toMatchObject({ status: 'sent' });
    const second = await startResolvedCase(customerId);
    const suppressed = await harness.skipAndWait(second.handle, dayMs, 5);
    expect(suppressed.csatStatus).toBe('cancelled');
    expect(await readSurvey(second.caseId)).toMatchObject({ status: 'cancelled', sentAt: null });
    const events = await harness.listEvents(second.caseId);
    expect(events.at(-1)).toMatchObject({ type: 'csat_suppressed' });
  });

  it('replays every recorded history of this file', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });
});
