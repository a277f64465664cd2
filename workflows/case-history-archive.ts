import { proxyActivities, sleep, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import type { ArchiveWorkflowHistoryInput, ArchiveWorkflowHistoryResult } from '../activities/history-archive.js';

// The activity fails (retryably) while the case run is still open. No attempt limit: the 7-year record must land.
const archiveOptions: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};
const scheduleOptions: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } };
const { archiveWorkflowHistory } = proxyActivities<CaseActivities>(archiveOptions);
const { scheduleHistoryArchive } = proxyActivities<CaseActivities>(scheduleOptions);

/**
 * Archives a closed case's workflow history into Postgres (7-year retention). The case starts it
 * as it closes, detached (like an abandoned child), so it outlives the run whose history it copies.
 */
export async function archiveCaseHistoryWorkflow(input: ArchiveWorkflowHistoryInput): Promise<ArchiveWorkflowHistoryResult> {
  // The case completes right after starting this workflow: give it that moment instead of a failed attempt.
  await sleep('1 minute');
  return await archiveWorkflowHistory.executeWithOptions({ ...archiveOptions, summary: `archive the history of ${input.workflowId}` }, [input]);
}

/** Starts the history archive of this (closing) run; the case completes once it is started. */
export async function startHistoryArchive(caseId: string): Promise<void> {
  const { workflowId, runId } = workflowInfo();
  await scheduleHistoryArchive.executeWithOptions({ ...scheduleOptions, summary: 'start the history archive' }, [{ caseId, workflowId, runId }]);
}
