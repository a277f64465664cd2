import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotes } from '../../db/schema.js';
import { addNoteSignal, assignSignal, escalateSignal } from '../../workflows/case-messages.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { hourMs, startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('continue-as-new', () => {
  it('carries the whole case state into the next run and keeps counting the clocks', async () => {
    // A small history limit forces a new run while the notes come in (not during the time skip
    // before them: the time-skipping server can stall on a skip that races a continue-as-new).
    const input = buildCaseInput(harness.customerId, { historyEventLimit: 60 });
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await harness.waitForSequence(handle, 3);
    await harness.env.sleep(hourMs);
    await handle.signal(escalateSignal, { actorId: 'user:csr', reason: 'customer_request' });
    await harness.waitForSequence(handle, 4);
    for (let note = 1; note <= 6; note++) {
      await handle.signal(addNoteSignal, { actorId: 'user:csr', body: `Follow-up ${note}`, visibility: 'internal' });
      await harness.waitForSequence(handle, 4 + note);
    }
    const description = await handle.describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);

    const view = await harness.waitForSequence(handle, 10);
    expect(view).toMatchObject({ status: 'escalated', assignee: harness.agentIds[0], lastSequence: 10, escalationGroup: 'manager_review' });
    expect(view.escalationLog).toHaveLength(1);
    expect(view.clocks.resolution.elapsedMs).toBeGreaterThanOrEqual(hourMs);
    expect(await harness.database.db.select().from(caseNotes).where(eq(caseNotes.caseId, input.caseId))).toHaveLength(6);
    const events = await harness.listEvents(input.caseId);
    expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Both the first run's and the current run's histories replay against the current code.
    const firstRun = harness.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    const histories = [
      { workflowId: handle.workflowId, history: await firstRun.fetchHistory() },
      { workflowId: handle.workflowId, history: await handle.fetchHistory() },
    ];
    for await (const result of Worker.runReplayHistories({ workflowBundle: harness.bundle }, histories)) {
      expect(result.error).toBeUndefined();
    }
  });

  it('replays every recorded history of this file', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });
});
