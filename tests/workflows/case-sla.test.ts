import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClocks, notificationOutbox } from '../../db/schema.js';
import {
  assignSignal,
  caseStateQuery,
  changePrioritySignal,
  deEscalateSignal,
  escalateSignal,
  pauseSignal,
  resumeSignal,
} from '../../workflows/case-messages.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { hourMs, startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

const minuteMs = 60_000;
const dayMs = 24 * hourMs;
let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('SLA clocks of the case workflow', () => {
  it("applies the lending story's resolution targets by case type and urgency", async () => {
    const cases = [
      { overrides: { caseType: 'information_request' as const }, expectedMs: 24 * hourMs },
      { overrides: { caseType: 'payment_issue' as const }, expectedMs: 4 * hourMs },
      { overrides: { caseType: 'dispute' as const }, expectedMs: 48 * hourMs },
      { overrides: { caseType: 'dispute' as const, isUrgent: true }, expectedMs: 2 * hourMs },
    ];
    for (const { overrides, expectedMs } of cases) {
      const handle = await harness.startCase(buildCaseInput(harness.customerId, overrides));
      const view = await harness.waitForSequence(handle, 2);
      expect(view.clocks.resolution.targetMs).toBe(expectedMs);
    }
    const complaint = buildCaseInput(harness.customerId, { caseType: 'complaint' });
    const view = await harness.waitForSequence(await harness.startCase(complaint), 2);
    // 15 business days end at the close of the 15th day after the start day (24×7 test region).
    expect(view.clocks.resolution.targetMs).toBeGreaterThan(15 * dayMs);
    expect(view.clocks.resolution.targetMs).toBeLessThanOrEqual(16 * dayMs);
    const [clock] = await harness.database.db
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.caseId, complaint.caseId), eq(caseClocks.kind, 'resolution')));
    expect(clock?.targetMs).toBe(view.clocks.resolution.targetMs);
  });

  it('stops the clocks while pending customer and continues them on resume', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await harness.skipAndWait(handle, 2 * hourMs, 3);
    await handle.signal(pauseSignal, { actorId: 'user:csr', reason: 'awaiting_documents' });
    const paused = await harness.skipAndWait(handle, 0, 4);
    expect(paused.status).toBe('pending_customer');
    expect(paused.clocks.resolution.isPaused).toBe(true);
    const pausedElapsedMs = paused.clocks.resolution.elapsedMs;
    expect(pausedElapsedMs).toBeGreaterThanOrEqual(2 * hourMs);

    await harness.env.sleep(10 * hourMs);
    const later = await handle.query(caseStateQuery);
    expect(later.clocks.resolution.elapsedMs).toBe(pausedElapsedMs);
    expect(later.lastSequence).toBe(4);

    await handle.signal(resumeSignal, { actorId: 'user:csr' });
    const resumed = await harness.waitForSequence(handle, 5);
    expect(resumed.status).toBe('assigned');
    expect(resumed.clocks.resolution.isPaused).toBe(false);
    expect(resumed.clocks.resolution.elapsedMs - pausedElapsedMs).toBeLessThan(minuteMs);
    expect((await harness.readCase(input.caseId))?.slaState).toBe('on_track');
  });

  it('keeps the elapsed time and re-targets the remainder when the priority changes mid-pause', async () => {
    const input = buildCaseInput(harness.customerId, { caseType: 'dispute' });
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await harness.waitForSequence(handle, 3);
    await harness.env.sleep(hourMs);
    await handle.signal(pauseSignal, { actorId: 'user:csr', reason: 'awaiting_customer_reply' });
    const before = await harness.waitForSequence(handle, 4);
    await handle.signal(changePrioritySignal, { actorId: 'user:lead', priority: 'P1', reason: 'fraud suspected' });
    const after = await harness.waitForSequence(handle, 5);
    expect(before.clocks.resolution.targetMs).toBe(48 * hourMs);
    expect(after.priority).toBe('P1');
    expect(after.clocks.resolution.targetMs).toBe(4 * hourMs);
    expect(after.clocks.resolution.elapsedMs).toBe(before.clocks.resolution.elapsedMs);
    expect(after.clocks.resolution.remainingMs).toBe(4 * hourMs - before.clocks.resolution.elapsedMs);
    expect(after.clocks.resolution.isPaused).toBe(true);
    // The first response (15 min at P1) is already overdue: it breaches as soon as the clock runs again.
    expect(after.status).toBe('pending_customer');
    await handle.signal(resumeSignal, { actorId: 'user:csr' });
    const resumed = await harness.waitForSequence(handle, 7);
    expect(resumed.status).toBe('escalated');
    expect(resumed.escalationLog.at(-1)).toMatchObject({ trigger: 'sla_breach', clock: 'firstResponse' });
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type).slice(3)).toEqual(['paused', 'priority_changed', 'resumed', 'sla_breached']);
    expect(events[4]).toMatchObject({ type: 'priority_changed', payload: { priority: 'P1', reason: 'fraud suspected' } });
  });

  it('warns the handler at 75 % and 90 %, then escalates to Pending Manager Review on breach (B-1)', async () => {
    const input = buildCaseInput(harness.customerId, { caseType: 'payment_issue' });
    const handle = await harness.startCase(input);
    const [liLei] = harness.agentIds;
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: liLei });
    await harness.waitForSequence(handle, 3);
    // Payment issue: first response within 1 business hour.
    const warned = await harness.skipAndWait(handle, 54 * minuteMs + 1_000, 5);
    expect(warned.clocks.firstResponse.warningsSent).toEqual([0.75, 0.9]);
    expect(warned.status).toBe('assigned');
    const escalated = await harness.skipAndWait(handle, 6 * minuteMs, 6);
    expect(escalated.status).toBe('escalated');
    expect(escalated.statusLabel).toBe('Pending Manager Review');
    expect(escalated.escalationGroup).toBe('manager_review');
    expect(escalated.escalationLog).toEqual([expect.objectContaining({ trigger: 'sla_breach', reason: 'first response SLA breached', handler: liLei, clock: 'firstResponse' })]);
    expect(escalated.clocks.firstResponse.isBreached).toBe(true);
    // The resolution timer keeps counting.
    expect(escalated.clocks.resolution.isStopped).toBe(false);
    expect(escalated.clocks.resolution.isPaused).toBe(false);
    expect(escalated.clocks.resolution.elapsedMs).toBeGreaterThanOrEqual(hourMs);

    const row = await harness.readCase(input.caseId);
    expect(row).toMatchObject({ status: 'escalated', isResponseBreached: true, slaState: 'breached', escalationGroup: 'manager_review' });
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment', 'assigned', 'sla_warning', 'sla_warning', 'sla_breached']);
    expect(events[5]?.payload).toMatchObject({ escalation: { trigger: 'sla_breach', handler: liLei }, recalculated: { reason: 'escalated' } });
    const outbox = await harness.database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, input.caseId));
    expect(outbox.map((row) => [row.template, row.recipient]).sort()).toEqual(
      [
        ['case_assigned', liLei],
        ['sla_warning', liLei],
        ['sla_warning', liLei],
        ['sla_breached', 'manager_review'],
      ].sort(),
    );
  });

  it('rolls back a false escalation with a reason and refuses one without', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await handle.signal(escalateSignal, { actorId: 'user:csr', reason: 'customer_request' });
    await handle.signal(deEscalateSignal, { actorId: 'user:manager', reason: ' ' });
    await handle.signal(deEscalateSignal, { actorId: 'user:manager', reason: 'false_escalation' });
    const view = await harness.waitForSequence(handle, 6);
    expect(view.status).toBe('assigned');
    expect(view.escalationGroup).toBeNull();
    expect(view.escalationLog.map((entry) => entry.trigger)).toEqual(['manual', 'rollback']);
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.type)).toEqual(['case_created', 'awaiting_assignment', 'assigned', 'escalated', 'signal_rejected', 'de_escalated']);
    expect(events[4]?.payload).toMatchObject({ error: { code: 'reason_required' } });
    expect(await harness.readCase(input.caseId)).toMatchObject({ status: 'assigned', escalationGroup: null });
  });

  it('replays every recorded history of this file', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });
});
