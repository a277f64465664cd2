import type { AuditActor } from '../../db/admin-repository.js';
import type { Db } from '../../db/client.js';
import { createPolicyApplyJob, findPolicyApplyJob, finishPolicyApplyJob, type PolicyApplyJob } from '../../db/policy-apply-job-repository.js';
import { countCasesToReapply } from '../../db/sla-policy-repository.js';
import type { Logger } from '../logger.js';

/** Starts the `policy-apply-<jobId>` workflow that signals the job's cases (the Temporal client). */
export type StartPolicyApplyWorkflow = (input: { jobId: string }) => Promise<void>;

export const policyApplyWorkflowId = (jobId: string) => `policy-apply-${jobId}`;

export interface PolicyApplyProgress {
  jobId: string;
  policyId: string;
  version: number;
  status: 'running' | 'done' | 'failed';
  totalCases: number;
  signalledCases: number;
  failedCaseIds: string[];
  startedAt: string;
  finishedAt: string | null;
}

export interface StartPolicyApplyInput {
  policyId: string;
  version: number;
  policyVersionId: string;
  /** The actor the case timelines record (`user:<id>`). */
  actorId: string;
  auditActor: AuditActor;
}

function toProgress(job: PolicyApplyJob): PolicyApplyProgress {
  const { jobId, policyId, version, status, totalCases, signalledCases, failedCaseIds, startedAt, finishedAt } = job;
  return { jobId, policyId, version, status, totalCases, signalledCases, failedCaseIds, startedAt: startedAt.toISOString(), finishedAt: finishedAt?.toISOString() ?? null };
}

/**
 * Records a re-apply job (audited) and starts its workflow, which pages through the open cases and
 * signals them in batches of 100. Progress lives in Postgres, so any API instance reads it and a
 * restart loses nothing; a job whose workflow could not start is marked failed, never left running.
 */
export async function startPolicyApplyJob(deps: { db: Db; startWorkflow: StartPolicyApplyWorkflow; logger: Logger }, input: StartPolicyApplyInput): Promise<PolicyApplyProgress> {
  const totalCases = await countCasesToReapply(deps.db, input.policyId, input.version);
  const job = await createPolicyApplyJob(deps.db, { policyId: input.policyId, version: input.version, policyVersionId: input.policyVersionId, actor: input.actorId, totalCases }, input.auditActor);
  try {
    await deps.startWorkflow({ jobId: job.jobId });
  } catch (error) {
    deps.logger.error('could not start the policy re-apply workflow', { jobId: job.jobId, error });
    await finishPolicyApplyJob(deps.db, job.jobId, 'failed');
    throw error;
  }
  return toProgress(job);
}

export async function findPolicyApplyProgress(db: Db, jobId: string): Promise<PolicyApplyProgress | null> {
  const job = await findPolicyApplyJob(db, jobId);
  return job ? toProgress(job) : null;
}
