import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CaseView } from './case-view.js';

/**
 * Every message a case workflow understands. The API imports these definitions to signal and
 * query cases, so the names here are the wire contract: rename only with a `patched()` plan.
 * Each signal names who sent it (`actorId`); the workflow stamps the time itself (workflow time),
 * so a replay sees the same instants.
 */

export type NoteVisibility = 'internal' | 'customer';

export interface AddNoteInput {
  actorId: string;
  body: string;
  visibility: NoteVisibility;
}
export interface AssignInput {
  actorId: string;
  assigneeId: string;
}
export interface TransferInput {
  actorId: string;
  reason: string;
  toQueue?: string;
  toAssigneeId?: string;
}
export interface ReasonInput {
  actorId: string;
  reason: string;
}
export interface ChangePriorityInput {
  actorId: string;
  priority: string;
  reason?: string;
}
export interface ResumeInput {
  actorId: string;
}
export interface CustomerReplyInput {
  body: string;
  channel?: string;
}
export interface ResolveInput {
  actorId: string;
  category?: string;
  notes?: string;
}
export interface CsatAnswerInput {
  score: number;
  isResolved: boolean;
  comment?: string;
}
export interface PolicyChangedInput {
  actorId: string;
  /** The policy version to apply; the workflow loads it through an activity. */
  policyVersionId: string;
}

export interface InProgressResponseInput {
  actorId: string;
  /** What the letter tells the customer about the work under way. */
  notes?: string;
}
export interface ReclassifyInput {
  actorId: string;
  classification: 'formal_complaint' | 'inquiry' | 'feedback';
  reason: string;
}

export const addNoteSignal = defineSignal<[AddNoteInput]>('addNote');
export const assignSignal = defineSignal<[AssignInput]>('assign');
export const transferSignal = defineSignal<[TransferInput]>('transfer');
export const escalateSignal = defineSignal<[ReasonInput]>('escalate');
export const deEscalateSignal = defineSignal<[ReasonInput]>('deEscalate');
export const changePrioritySignal = defineSignal<[ChangePriorityInput]>('changePriority');
export const pauseSignal = defineSignal<[ReasonInput]>('pause');
export const resumeSignal = defineSignal<[ResumeInput]>('resume');
export const customerReplySignal = defineSignal<[CustomerReplyInput]>('customerReply');
export const resolveSignal = defineSignal<[ResolveInput]>('resolve');
export const reopenSignal = defineSignal<[ReasonInput]>('reopen');
export const csatAnswerSignal = defineSignal<[CsatAnswerInput]>('csatAnswer');
export const policyChangedSignal = defineSignal<[PolicyChangedInput]>('policyChanged');
/** A formal complaint's "in progress" response: satisfies the regulator's 15-day clock, not the 60-day one. */
export const sendInProgressResponseSignal = defineSignal<[InProgressResponseInput]>('sendInProgressResponse');
/** Reclassifies the case (formal complaint / inquiry / feedback); into or out of formal complaint starts or stops its clocks. */
export const reclassifySignal = defineSignal<[ReclassifyInput]>('reclassify');

/** The live state of one case, including each SLA clock as of the query's workflow time. */
export const caseStateQuery = defineQuery<CaseView>('caseState');
