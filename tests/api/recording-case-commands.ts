import type { CaseCommands, CaseSignalName, CaseTarget } from '../../src/api/case-commands.js';
import type { StartPolicyApplyWorkflow } from '../../src/api/policy-apply-jobs.js';

/**
 * Records what the API hands to the workflows. The API's contract ends at this interface (the lead
 * wires it to the Temporal client, whose tests run the real worker); here we check what crosses it.
 */
export function createRecordingCaseCommands() {
  const started: Array<Parameters<CaseCommands['startCase']>[0]> = [];
  const signals: Array<{ target: CaseTarget; signal: CaseSignalName; payload: unknown }> = [];
  const startedWorkflowIds = new Set<string>();
  const commands: CaseCommands = {
    async startCase(input) {
      // Temporal refuses a second start of a running workflow id; the real wiring treats that as success.
      if (!startedWorkflowIds.has(input.workflowId)) started.push(input);
      startedWorkflowIds.add(input.workflowId);
    },
    async signal(target, signal, payload) {
      signals.push({ target, signal, payload });
    },
  };
  const policyApplyJobIds: string[] = [];
  const startPolicyApply: StartPolicyApplyWorkflow = async ({ jobId }) => {
    policyApplyJobIds.push(jobId);
  };
  return { commands, started, signals, policyApplyJobIds, startPolicyApply };
}
