import { continueAsNew, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';

// A batch signals up to 100 workflows and writes one row. Retries resume from the job row's cursor,
// so they are safe; after the last one the job is marked failed rather than left running forever.
const batchOptions: ActivityOptions = { startToCloseTimeout: '2 minutes', retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 } };
// Marking the job finished must happen eventually: retried without a limit.
const finishOptions: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } };

const { applyPolicyBatch } = proxyActivities<CaseActivities>(batchOptions);
const { finishPolicyApply } = proxyActivities<CaseActivities>(finishOptions);

export interface PolicyApplyWorkflowInput {
  jobId: string;
  /** The keyset cursor a continued run starts after. */
  afterCaseId?: string | null;
  batchSize?: number;
  /** Batches per run before continuing as new, which keeps each run's history small (~6 events a batch). */
  batchesPerRun?: number;
}

/** Re-applies an SLA policy version to its open cases in batches; progress lives in the job row. */
export async function policyApplyWorkflow(input: PolicyApplyWorkflowInput): Promise<'done' | 'failed'> {
  const batchSize = input.batchSize ?? 100;
  let afterCaseId = input.afterCaseId ?? null;
  for (let batch = 0; batch < (input.batchesPerRun ?? 50); batch += 1) {
    let result;
    try {
      result = await applyPolicyBatch({ jobId: input.jobId, afterCaseId, batchSize });
    } catch {
      await finishPolicyApply({ jobId: input.jobId, status: 'failed' });
      return 'failed';
    }
    if (!result.hasMore) {
      await finishPolicyApply({ jobId: input.jobId, status: 'done' });
      return 'done';
    }
    afterCaseId = result.lastCaseId;
  }
  return await continueAsNew<typeof policyApplyWorkflow>({ ...input, afterCaseId });
}
