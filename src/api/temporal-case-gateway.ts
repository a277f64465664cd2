import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  addNoteSignal, assignSignal, caseStateQuery, changePrioritySignal, csatAnswerSignal, deEscalateSignal, escalateSignal, pauseSignal, reopenSignal, resolveSignal, resumeSignal, transferSignal,
} from '../../workflows/case-messages.js';
import type { caseWorkflow } from '../../workflows/case-workflow.js';
import type { policyApplyWorkflow } from '../../workflows/policy-apply-workflow.js';
import type { Db } from '../../db/client.js';
import { getCaseHistoryTimeline } from '../compliance/case-audit-trail.js';
import type { CaseCommands, CaseSignalName, CaseSignalPayloads } from './case-commands.js';
import type { GetCaseHistory, GetLiveState } from './case-routes.js';
import { policyApplyWorkflowId, type StartPolicyApplyWorkflow } from './policy-apply-jobs.js';
import type { SignalDefinition } from '@temporalio/client';

const signalDefinitions: { [K in CaseSignalName]: SignalDefinition<[CaseSignalPayloads[K]]> } = {
  addNote: addNoteSignal, assign: assignSignal, transfer: transferSignal, escalate: escalateSignal, deEscalate: deEscalateSignal,
  changePriority: changePrioritySignal, pause: pauseSignal, resume: resumeSignal, resolve: resolveSignal, reopen: reopenSignal,
  csatAnswer: csatAnswerSignal,
};

export interface TemporalCaseGateway {
  caseCommands: CaseCommands;
  getLiveState: GetLiveState;
  getCaseHistory: GetCaseHistory;
  startPolicyApply: StartPolicyApplyWorkflow;
}

/**
 * The API's dependencies on Temporal, over one client: start and signal case workflows, query
 * their live state, read their history. Pass its members to `createApp({ api: { ... } })`.
 */
export function createTemporalCaseGateway(client: Client, taskQueue: string, db: Db): TemporalCaseGateway {
  const handleOf = (workflowId: string) => client.workflow.getHandle(workflowId);
  return {
    caseCommands: {
      async startCase({ workflowId, ...input }) {
        try {
          await client.workflow.start<typeof caseWorkflow>('caseWorkflow', { taskQueue, workflowId, args: [input] });
        } catch (error) {
          // A retried create (same Idempotency-Key) starts the same id again: the case exists, done.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      },
      async signal(target, signal, payload) {
        await handleOf(target.workflowId).signal(signalDefinitions[signal] as SignalDefinition<[typeof payload]>, payload);
      },
    },
    getLiveState: async (target) => (await handleOf(target.workflowId).query(caseStateQuery)) as unknown as Record<string, unknown>,
    // The archived history when the case has been archived, else the whole run chain from Temporal.
    getCaseHistory: (target) => getCaseHistoryTimeline({ db, temporalClient: client }, target.caseId),
    startPolicyApply: async ({ jobId }) => {
      await client.workflow.start<typeof policyApplyWorkflow>('policyApplyWorkflow', { taskQueue, workflowId: policyApplyWorkflowId(jobId), args: [{ jobId }] });
    },
  };
}
