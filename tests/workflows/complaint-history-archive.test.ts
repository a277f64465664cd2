import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHistoryArchiveWorkflowId } from '../../activities/schedule-history-archive.js';
import { workflowHistoryArchives } from '../../db/schema.js';
import { loadArchivedWorkflowRuns } from '../../src/compliance/archived-workflow-runs.js';
import { renderHistoryTimeline } from '../../src/temporal/history-timeline.js';
import { fetchWorkflowRunChain } from '../../src/temporal/workflow-history.js';
import { resolveSignal, sendInProgressResponseSignal } from '../../workflows/case-messages.js';
import { buildCaseInput } from '../fixtures/case-fixtures.js';
import { startCaseHarness, type CaseHarness } from '../fixtures/case-harness.js';

let harness: CaseHarness;
const archiveWorkflowIds: string[] = [];
beforeAll(async () => {
  harness = await startCaseHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('history archive of a closed complaint', () => {
  it('archives the closed case history to Postgres, and the archive renders the same timeline as the live history', async () => {
    const input = buildCaseInput(harness.customerId, { caseType: 'complaint', channel: 'email', priority: 'P2' });
    const handle = await harness.startCase(input);
    await handle.signal(sendInProgressResponseSignal, { actorId: 'user:senior-1', notes: 'Reviewing the autopay logs.' });
    await handle.signal(resolveSignal, { actorId: 'user:senior-1', category: 'resolved_adjustment_made', notes: 'Late fee refunded.' });
    // Awaiting a result lets the test server skip time: through the survey window to the close …
    await handle.result();
    // … and through the archive workflow, which starts as the case closes and outlives it.
    const archiveWorkflowId = toHistoryArchiveWorkflowId(handle.workflowId);
    archiveWorkflowIds.push(archiveWorkflowId);
    const archive = await harness.env.client.workflow.getHandle(archiveWorkflowId).result();
    expect(archive.runs).toEqual([expect.objectContaining({ runId: handle.firstExecutionRunId, isNewArchive: true })]);

    const rows = await harness.database.db.select().from(workflowHistoryArchives).where(eq(workflowHistoryArchives.caseId, input.caseId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.eventCount).toBeGreaterThan(10);

    const live = renderHistoryTimeline(await fetchWorkflowRunChain(harness.env.client, handle.workflowId));
    const archived = renderHistoryTimeline(await loadArchivedWorkflowRuns(harness.database.db, input.caseId));
    expect(archived).toEqual(live);
    expect(live.map((entry) => entry.summary).join('\n')).toContain('letter');
  });

  it('replays every recorded history, the archive workflow included', async () => {
    const results = await harness.replayAll();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.error)).toEqual([]);
    expect(archiveWorkflowIds).toHaveLength(1);
    for (const workflowId of archiveWorkflowIds) {
      const history = await harness.env.client.workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory({ workflowBundle: harness.bundle }, history, workflowId);
    }
  });
});
