import type { AddNoteInput, AssignInput, ChangePriorityInput, CsatAnswerInput, ReasonInput, ResolveInput, ResumeInput, TransferInput } from '../../workflows/case-messages.js';
import type { CaseWorkflowInput } from '../../workflows/case-workflow-types.js';

/** The payload of each case signal the API sends, keyed by the signal's wire name (workflows/case-messages.ts). */
export interface CaseSignalPayloads {
  addNote: AddNoteInput;
  assign: AssignInput;
  transfer: TransferInput;
  escalate: ReasonInput;
  deEscalate: ReasonInput;
  changePriority: ChangePriorityInput;
  pause: ReasonInput;
  resume: ResumeInput;
  resolve: ResolveInput;
  reopen: ReasonInput;
  csatAnswer: CsatAnswerInput;
}
export type CaseSignalName = keyof CaseSignalPayloads;

/** Which workflow a command goes to: `workflowId` is `case-<caseNumber>`. */
export interface CaseTarget {
  caseId: string;
  workflowId: string;
}

/**
 * How the API hands work to the case workflows (wired to the Temporal client in src/main.ts).
 * `startCase` must treat "a workflow with this id already runs" as success: a retried create with
 * the same Idempotency-Key starts the same `case-<number>` again.
 */
export interface CaseCommands {
  startCase(input: CaseWorkflowInput & { workflowId: string }): Promise<void>;
  signal<K extends CaseSignalName>(target: CaseTarget, signal: K, payload: CaseSignalPayloads[K]): Promise<void>;
}
