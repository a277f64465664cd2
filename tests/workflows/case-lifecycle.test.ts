import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotes, notificationOutbox, slaPolicies, slaPolicyVersions } from '../../db/schema.js';
import { defaultSlaTargets, seedSlaPolicy } from '../../db/seed/sla-policy-seed.js';
import {
  addNoteSignal,
  assignSignal,
  caseStateQuery,
  customerReplySignal,
  pauseSignal,
  policyChangedSignal,
  resolveSignal,
  transferSignal,
} from '../../workflows/case-messages.js';
import { toHistoryJson } from '../../src/temporal/workflow-history.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { hourMs, startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('case workflow lifecycle', () => {
  it('records the case with its deadlines and routes it to the queue of its type', async () => {
    const input = buildCaseInput(harness.customerId, { caseType: 'payment_issue' });
    const handle = await harness.startCase(input);
    const view = await harness.waitForSequence(handle, 2);
    expect(view.status).toBe('new');
    expect(view.queue).toBe('payments');
    expect(view.clocks.resolution.targetMs).toBe(4 * 3_600_000);
    const row = await harness.readCase(input.caseId);
    expect(row).toMatchObject({ status: 'new', queueCode: 'payments', caseNumber: input.caseNumber, workflowId: `case-${input.caseNumber}` });
    expect(row?.resolutionDueAt).not.toBeNull();
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment']);
  });

  it('assigns, notes and refuses a resolution without a category, recording the refusal', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await handle.signal(addNoteSignal, { actorId: 'user:csr', body: 'Called the customer back', visibility: 'customer' });
    await handle.signal(resolveSignal, { actorId: 'user:csr', notes: 'explained' });
    const view = await harness.waitForSequence(handle, 5);
    expect(view.lastRejection).toMatchObject({ code: 'resolution_category_required', eventType: 'resolve' });
    expect(view.status).toBe('assigned');
    expect(view.clocks.firstResponse.isStopped).toBe(true);
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment', 'assigned', 'note_added', 'signal_rejected']);
    expect((await handle.query(caseStateQuery)).lastSequence).toBe(5);
  });
});

describe('case workflow handling', () => {
  it('notifies the new handler of a transfer, resumes on a customer reply and records first-response and resolve times', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    const [liLei, hanMeimei] = harness.agentIds;
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: liLei });
    await harness.waitForSequence(handle, 3);
    await harness.env.sleep(hourMs);
    await handle.signal(transferSignal, { actorId: 'user:csr', reason: 'needs_expertise', toAssigneeId: hanMeimei, toQueue: 'disputes' });
    await handle.signal(transferSignal, { actorId: 'user:csr', reason: '', toAssigneeId: liLei });
    await handle.signal(addNoteSignal, { actorId: 'user:han', body: 'We are looking into the double payment', visibility: 'customer' });
    await handle.signal(pauseSignal, { actorId: 'user:han', reason: 'awaiting_documents' });
    await handle.signal(customerReplySignal, { body: 'Here is my bank statement' });
    const replied = await harness.waitForSequence(handle, 8);
    expect(replied).toMatchObject({ status: 'assigned', assignee: hanMeimei, queue: 'disputes' });
    expect(replied.firstResponseMs).toBeGreaterThanOrEqual(hourMs);
    await harness.env.sleep(hourMs);
    await handle.signal(resolveSignal, { actorId: 'user:han', category: 'resolved_adjustment_made', notes: 'Refunded the duplicate' });
    const resolved = await harness.waitForSequence(handle, 9);
    expect(resolved.timeToResolveMs).toBeGreaterThanOrEqual(2 * hourMs);

    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type)).toEqual([
      'case_created', 'awaiting_assignment', 'assigned', 'transferred', 'signal_rejected', 'note_added', 'paused', 'customer_replied', 'resolved',
    ]);
    const row = await harness.readCase(input.caseId);
    expect(row).toMatchObject({ status: 'resolved', assigneeAgentId: hanMeimei, firstResponseMs: resolved.firstResponseMs, timeToResolveMs: resolved.timeToResolveMs, slaState: 'met' });
    const outbox = await harness.database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, input.caseId));
    expect(outbox.map((notification) => [notification.template, notification.recipient])).toEqual(
      expect.arrayContaining([['case_transferred', hanMeimei], ['customer_replied', hanMeimei], ['case_resolved', harness.customerId]]),
    );
    const notes = await harness.database.db.select().from(caseNotes).where(eq(caseNotes.caseId, input.caseId));
    expect(notes).toEqual([expect.objectContaining({ visibility: 'customer_visible', body: 'We are looking into the double payment' })]);
  });

  it('re-targets open cases to a policy version an admin re-applies, keeping the elapsed time', async () => {
    await seedSlaPolicy(harness.database.db);
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    const before = await harness.waitForSequence(handle, 2);
    expect(before.policy).toMatchObject({ policyId: 'lending_default', version: 1 });
    expect(before.clocks.resolution.targetMs).toBe(24 * hourMs);
    const [policy] = await harness.database.db.select().from(slaPolicies).where(eq(slaPolicies.code, 'lending_default'));
    const [version2] = await harness.database.db
      .insert(slaPolicyVersions)
      .values({
        policyId: policy!.id,
        version: 2,
        timeMode: 'calendar',
        targets: { ...defaultSlaTargets, rules: [{ caseType: 'information_request', priority: null, segment: null, isUrgent: null, firstResponse: { unit: 'hours', amount: 2 }, resolution: { unit: 'hours', amount: 8 } }] },
      })
      .returning({ id: slaPolicyVersions.id });
    await harness.env.sleep(hourMs);
    await handle.signal(policyChangedSignal, { actorId: 'user:admin', policyVersionId: version2!.id });
    const after = await harness.waitForSequence(handle, 3);
    expect(after.policy).toMatchObject({ policyId: 'lending_default', version: 2, policyVersionId: version2!.id });
    expect(after.clocks.resolution.targetMs).toBe(8 * hourMs);
    expect(after.clocks.resolution.elapsedMs).toBeGreaterThanOrEqual(hourMs);
    expect(after.clocks.resolution.remainingMs).toBe(8 * hourMs - after.clocks.resolution.elapsedMs);
    // The same version again (a re-apply job retried after a crash): recorded as a no-op refusal, the clocks untouched.
    await handle.signal(policyChangedSignal, { actorId: 'user:admin', policyVersionId: version2!.id });
    const again = await harness.waitForSequence(handle, 4);
    expect(again.clocks.resolution.targetMs).toBe(8 * hourMs);
    const events = await harness.listEvents(input.caseId);
    expect(events.at(-2)).toMatchObject({ type: 'policy_changed', payload: { previous: { version: 1 }, current: { version: 2 } } });
    expect(events.at(-1)).toMatchObject({ type: 'signal_rejected', payload: { error: { code: 'no_change' } } });
    expect(events.filter((event) => event.type === 'policy_changed')).toHaveLength(1);
    expect(await harness.readCase(input.caseId)).toMatchObject({ slaPolicyVersion: 2 });
  });

  it('keeps its deadline timer and search attributes through notes: a note costs a signal, a workflow task and one projection marker', async () => {
    const input = buildCaseInput(harness.customerId, { caseType: 'dispute' });
    const handle = await harness.startCase(input);
    await harness.waitForSequence(handle, 2);
    const readEventTypes = async () => toHistoryJson(await handle.fetchHistory()).events.map((event) => event.eventType);
    const before = (await readEventTypes()).length;
    for (const body of ['Called the merchant', 'Asked for the receipt', 'Receipt received']) {
      await handle.signal(addNoteSignal, { actorId: 'user:csr', body, visibility: 'internal' });
    }
    await harness.waitForSequence(handle, 5);
    const added = (await readEventTypes()).slice(before);
    expect(added.filter((type) => type.includes('TIMER') || type.includes('SEARCH_ATTRIBUTES') || type.includes('ACTIVITY_TASK'))).toEqual([]);
    expect(added.filter((type) => type.endsWith('MARKER_RECORDED'))).toHaveLength(3);
    expect(added.filter((type) => type.endsWith('EXECUTION_SIGNALED'))).toHaveLength(3);
  });

  it('replays every recorded history of this file', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });
});
