import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';

/** Signals each case workflow to re-target its clocks to a policy version; returns the cases it could not signal. */
export type SignalPolicyChanged = (input: { cases: Array<{ caseId: string; workflowId: string }>; policyVersionId: string; actorId: string }) => Promise<{ failedCaseIds: string[] }>;

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

export interface PolicyApplyJobs {
  start(input: { policyId: string; version: number; policyVersionId: string; actorId: string; cases: Array<{ caseId: string; workflowId: string }> }): PolicyApplyProgress;
  find(jobId: string): PolicyApplyProgress | undefined;
  /** Resolves when the job has finished (tests, shutdown). */
  settle(jobId: string): Promise<void>;
}

const batchSize = 100;

/**
 * Re-applies a policy version to open cases in batches of 100 signals, in the background, with
 * progress readable by id. Progress lives in this process's memory: a restart loses the report,
 * not the work already signalled (the workflow ignores a version it already runs).
 */
export function createPolicyApplyJobs(signal: SignalPolicyChanged, logger: Logger, now: () => Date): PolicyApplyJobs {
  const jobs = new Map<string, PolicyApplyProgress>();
  const running = new Map<string, Promise<void>>();
  const run = async (progress: PolicyApplyProgress, input: Parameters<PolicyApplyJobs['start']>[0]) => {
    try {
      for (let start = 0; start < input.cases.length; start += batchSize) {
        const batch = input.cases.slice(start, start + batchSize);
        const { failedCaseIds } = await signal({ cases: batch, policyVersionId: input.policyVersionId, actorId: input.actorId });
        progress.failedCaseIds.push(...failedCaseIds);
        progress.signalledCases += batch.length - failedCaseIds.length;
      }
      progress.status = 'done';
    } catch (error) {
      logger.error('policy re-apply failed', { jobId: progress.jobId, error });
      progress.status = 'failed';
    }
    progress.finishedAt = now().toISOString();
  };
  return {
    start(input) {
      const progress: PolicyApplyProgress = { jobId: randomUUID(), policyId: input.policyId, version: input.version, status: 'running', totalCases: input.cases.length, signalledCases: 0, failedCaseIds: [], startedAt: now().toISOString(), finishedAt: null };
      jobs.set(progress.jobId, progress);
      running.set(progress.jobId, run(progress, input));
      return progress;
    },
    find: (jobId) => jobs.get(jobId),
    settle: async (jobId) => running.get(jobId),
  };
}
