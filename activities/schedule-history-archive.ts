import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import type { ArchiveWorkflowHistoryInput } from './history-archive.js';

/** The workflow type that archives a closed case's history (workflows/case-history-archive.ts). */
export const archiveWorkflowType = 'archiveCaseHistoryWorkflow';

/** The archive workflow of a case: `<case workflow id>-history-archive`. */
export function toHistoryArchiveWorkflowId(caseWorkflowId: string): string {
  return `${caseWorkflowId}-history-archive`;
}

/**
 * Starts the workflow that archives a closing case's history, on this worker's task queue. It is
 * not a child of the case: it must outlive the case run it copies (an abandoned child would do the
 * same; a detached workflow keeps the case's history free of child bookkeeping). Idempotent: an
 * archive workflow already started for this case counts as done.
 */
export async function scheduleHistoryArchive(temporalClient: Client, input: ArchiveWorkflowHistoryInput): Promise<{ workflowId: string; isNew: boolean }> {
  const workflowId = toHistoryArchiveWorkflowId(input.workflowId);
  try {
    await temporalClient.workflow.start(archiveWorkflowType, { workflowId, taskQueue: Context.current().info.taskQueue, args: [input] });
    return { workflowId, isNew: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, isNew: false };
    throw error;
  }
}
