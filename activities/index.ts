import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client.js';
import type { Logger } from '../src/logger.js';
import { createAssignmentActivities } from './assignment/create-assignment-activities.js';
import { loadCasePolicy, type LoadCasePolicyInput } from './case-policy.js';
import { projectCaseEvent } from './case-projection.js';
import { applyPolicyBatch, finishPolicyApply, type ApplyPolicyBatchInput, type FinishPolicyApplyInput } from './policy-apply.js';
import type { ProjectCaseEventInput } from './case-projection-types.js';
import { checkSurveyAllowance, type CheckSurveyAllowanceInput } from './case-surveys.js';
import { archiveWorkflowHistory, type ArchiveWorkflowHistoryInput } from './history-archive.js';
import { sendComplaintLetter, type SendComplaintLetterInput } from './letters/send-complaint-letter.js';
import { scheduleHistoryArchive } from './schedule-history-archive.js';

export interface ActivityDeps {
  db: Db;
  logger?: Logger;
  /** Starts history archives and reads closed histories into them; without it, archiving fails (not retried). */
  temporalClient?: Client;
}

/** The activities a case worker registers, bound to their dependencies. */
export function createActivities({ db, temporalClient }: ActivityDeps) {
  return {
    projectCaseEvent: (input: ProjectCaseEventInput) => projectCaseEvent(db, input),
    loadCasePolicy: (input: LoadCasePolicyInput) => loadCasePolicy(db, input),
    checkSurveyAllowance: (input: CheckSurveyAllowanceInput) => checkSurveyAllowance(db, input),
    sendComplaintLetter: (input: SendComplaintLetterInput) => sendComplaintLetter({ db }, input),
    archiveWorkflowHistory: async (input: ArchiveWorkflowHistoryInput) => {
      if (!temporalClient) throw ApplicationFailure.nonRetryable('the worker has no Temporal client to read histories with', 'no_temporal_client');
      return await archiveWorkflowHistory({ db, temporalClient }, input);
    },
    scheduleHistoryArchive: async (input: ArchiveWorkflowHistoryInput) => {
      if (!temporalClient) throw ApplicationFailure.nonRetryable('the worker has no Temporal client to start the history archive with', 'no_temporal_client');
      return await scheduleHistoryArchive(temporalClient, input);
    },
    applyPolicyBatch: async (input: ApplyPolicyBatchInput) => {
      if (!temporalClient) throw ApplicationFailure.nonRetryable('the worker has no Temporal client to signal case workflows with', 'no_temporal_client');
      return await applyPolicyBatch({ db, temporalClient }, input);
    },
    finishPolicyApply: (input: FinishPolicyApplyInput) => finishPolicyApply(db, input),
    ...createAssignmentActivities({ db }),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
