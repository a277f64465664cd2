import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client.js';
import { findPolicyApplyJob, finishPolicyApplyJob, recordPolicyApplyBatch } from '../db/policy-apply-job-repository.js';
import { listCasesToReapply } from '../db/sla-policy-repository.js';
import { policyChangedSignal, type PolicyChangedInput } from '../workflows/case-messages.js';

export interface ApplyPolicyBatchInput {
  jobId: string;
  /** Where the previous batch ended (null: from the first case). */
  afterCaseId: string | null;
  batchSize: number;
}

export interface ApplyPolicyBatchResult {
  /** Where the next batch starts. */
  lastCaseId: string | null;
  hasMore: boolean;
}

/**
 * Signals the next page of a re-apply job's cases and records the batch in the job row. A retry of
 * a batch an earlier attempt already recorded (the worker died after the write) skips to the job's
 * cursor instead of signalling and counting again.
 */
export async function applyPolicyBatch(deps: { db: Db; temporalClient: Client }, input: ApplyPolicyBatchInput): Promise<ApplyPolicyBatchResult> {
  const job = await findPolicyApplyJob(deps.db, input.jobId);
  if (!job) throw ApplicationFailure.nonRetryable(`there is no re-apply job ${input.jobId}`, 'policy_apply_job_not_found');
  if (job.status !== 'running') return { lastCaseId: job.lastCaseId, hasMore: false };
  if (job.lastCaseId !== input.afterCaseId) return { lastCaseId: job.lastCaseId, hasMore: true };
  const batch = await listCasesToReapply(deps.db, job.policyId, job.version, { afterCaseId: input.afterCaseId, limit: input.batchSize });
  if (batch.length === 0) return { lastCaseId: input.afterCaseId, hasMore: false };
  const failedCaseIds = await signalPolicyChanged(deps.temporalClient, batch, { actorId: job.actor, policyVersionId: job.policyVersionId });
  const lastCaseId = batch.at(-1)!.caseId;
  await recordPolicyApplyBatch(deps.db, input.jobId, { afterCaseId: input.afterCaseId, lastCaseId, signalledCount: batch.length - failedCaseIds.length, failedCaseIds });
  return { lastCaseId, hasMore: batch.length === input.batchSize };
}

/**
 * Signals every case of a batch at once; returns the cases whose workflow has ended (their read
 * model had not caught up). Any other failure throws, so the activity retries the batch.
 */
async function signalPolicyChanged(client: Client, batch: Array<{ caseId: string; workflowId: string }>, change: PolicyChangedInput): Promise<string[]> {
  const results = await Promise.allSettled(batch.map((target) => client.workflow.getHandle(target.workflowId).signal(policyChangedSignal, change)));
  const failedCaseIds: string[] = [];
  for (const [index, result] of results.entries()) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof WorkflowNotFoundError)) throw result.reason;
    failedCaseIds.push(batch[index]!.caseId);
  }
  return failedCaseIds;
}

export interface FinishPolicyApplyInput {
  jobId: string;
  status: 'done' | 'failed';
}

export async function finishPolicyApply(db: Db, input: FinishPolicyApplyInput): Promise<void> {
  await finishPolicyApplyJob(db, input.jobId, input.status);
}
