import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseActivities } from '../../activities/index.js';
import { caseEvents, caseNotes, notificationOutbox } from '../../db/schema.js';
import { startCaseWorker } from '../../src/temporal/worker.js';
import { addNoteSignal, assignSignal } from '../../workflows/case-messages.js';
import { caseWorkflow } from '../../workflows/case-workflow.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

const crashedSequences = new Set<string>();

/** The projection commits, then the "worker" dies before reporting: Temporal runs the activity again. */
function crashAfterFirstCommit(activities: CaseActivities): CaseActivities {
  return {
    ...activities,
    projectCaseEvent: async (input) => {
      const result = await activities.projectCaseEvent(input);
      const key = `${input.caseId}:${input.sequence}`;
      if (input.sequence > 1 && !crashedSequences.has(key)) {
        crashedSequences.add(key);
        throw new Error('worker lost after the projection committed');
      }
      return result;
    },
  };
}

let harness: CaseHarness;
beforeAll(async () => {
  harness = await startCaseHarness({ wrapActivities: crashAfterFirstCommit });
});
afterAll(async () => {
  await harness?.stop();
});

describe('projection under retries', () => {
  it('loses nothing and duplicates nothing when a projection is retried after it committed', async () => {
    const input = buildCaseInput(harness.customerId);
    const handle = await harness.startCase(input);
    await handle.signal(assignSignal, { actorId: 'user:lead', assigneeId: harness.agentIds[0] });
    await handle.signal(addNoteSignal, { actorId: 'user:csr', body: 'Left a voicemail', visibility: 'internal' });
    const view = await harness.waitForSequence(handle, 4);
    expect(view.status).toBe('assigned');
    const db = harness.database.db;
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, input.caseId));
    expect(events.map((event) => event.sequence).sort()).toEqual([1, 2, 3, 4]);
    expect(await db.select().from(caseNotes).where(eq(caseNotes.caseId, input.caseId))).toHaveLength(1);
    expect(await db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, input.caseId))).toHaveLength(1);
    expect(crashedSequences.size).toBe(3);
  });

  it('starts and stops the production worker on the same server', async () => {
    const worker = await startCaseWorker({
      config: { TEMPORAL_NAMESPACE: harness.env.namespace ?? 'default', TEMPORAL_TASK_QUEUE: `${harness.taskQueue}-prod` },
      temporal: { connection: harness.env.nativeConnection },
      database: { db: harness.database.db, sql: harness.database.sql },
      workflowBundle: harness.bundle,
    });
    await worker.stop();
  });
});

describe('workflow stack traces (TEMPORAL_WORKFLOW_STACK_TRACES, a patch of the SDK)', () => {
  it('skips collecting them by default and answers the stack trace query when they are turned on', async () => {
    for (const isEnabled of [false, true]) {
      const taskQueue = `${harness.taskQueue}-stack-traces-${isEnabled}`;
      const worker = await startCaseWorker({
        config: { TEMPORAL_NAMESPACE: harness.env.namespace ?? 'default', TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_WORKFLOW_STACK_TRACES: isEnabled },
        temporal: { connection: harness.env.nativeConnection },
        database: { db: harness.database.db, sql: harness.database.sql },
        workflowBundle: harness.bundle,
      });
      const input = buildCaseInput(harness.customerId);
      const handle = await harness.env.client.workflow.start(caseWorkflow, { taskQueue, workflowId: `case-${input.caseNumber}`, args: [input] });
      try {
        await harness.waitForSequence(handle, 1);
        const stackTrace = handle.query<string>('__stack_trace');
        if (isEnabled) expect(await stackTrace).toMatch(/case-workflow\.ts/);
        else await expect(stackTrace).rejects.toThrow(/stack traces are not enabled/);
      } finally {
        await handle.terminate('test over');
        await worker.stop();
      }
    }
  });
});
