import { getExternalWorkflowHandle, proxyLocalActivities, type LocalActivityOptions } from '@temporalio/workflow';
import type { AssignCaseResult, DispatchedCase } from '../activities/assignment/assignment-types.js';
import type { CaseActivities } from '../activities/index.js';
import type { CaseEvent } from '../src/domain/case-event.js';
import type { CaseFacts } from '../src/domain/routing.js';
import { assignSignal } from './case-messages.js';
import type { CaseWorkflowState } from './case-workflow-types.js';

// Assignment transactions are short database calls on the worker's pool, so local activities (see
// case-loop.ts); a deadlock or a lost connection is retried (they are idempotent by case and event).
const assignmentOptions: LocalActivityOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } };
const { assignCase, releaseAssignment, dispatchWaitingCases, reassignCases } = proxyLocalActivities<CaseActivities>(assignmentOptions);

/** Who routes and dispatches: their assignments already hold the handler's capacity. */
export const routingActors = ['routing', 'dispatcher'] as const;

/** What the routing rules and the agent choice know about this case. */
export function buildCaseFacts(state: CaseWorkflowState): CaseFacts {
  const { input, caseState } = state;
  return {
    caseType: input.caseType,
    channel: input.channel,
    segment: input.segment,
    complexity: input.complexity,
    priority: caseState.priority,
    language: input.language ?? 'en',
    regionCode: input.regionCode,
    tags: input.tags ?? [],
    isUrgent: input.isUrgent,
    complaintClassification: state.complaint.classification,
  };
}

/**
 * Routes the case with the rules and reserves a qualified handler's capacity (or leaves it waiting
 * for manual scheduling), keyed by the event that asked for it. `queueCode` routes within that queue (a transfer).
 */
export async function routeCase(state: CaseWorkflowState, eventSequence: number, nowMs: number, queueCode?: string): Promise<AssignCaseResult> {
  const summary = queueCode ? `route within queue ${queueCode}` : `route ${state.input.caseType} and pick a handler`;
  return await assignCase.executeWithOptions({ ...assignmentOptions, summary }, [
    { caseId: state.input.caseId, eventSequence, facts: buildCaseFacts(state), decidedAt: new Date(nowMs).toISOString(), ...(queueCode ? { queueCode } : {}) },
  ]);
}

/**
 * A person asked to take the case (assign, or transfer to a handler): checks that handler's skills
 * and capacity and moves the hold. Returns the refusal reasons, or null when the handler took it.
 */
export async function reserveNamedHandler(state: CaseWorkflowState, event: Extract<CaseEvent, { type: 'assign' | 'transfer' }>): Promise<string[] | null> {
  const toAgentId = event.type === 'assign' ? event.assignee : event.toAssignee;
  if (!toAgentId || (routingActors as readonly string[]).includes(event.actor)) return null;
  const result = await reassignCases.executeWithOptions({ ...assignmentOptions, summary: `reserve capacity of handler ${toAgentId}` }, [
    { caseIds: [state.input.caseId], toAgentId, reason: event.type === 'transfer' ? event.reason : 'assigned by a person', actor: event.actor, now: new Date(event.at).toISOString() },
  ]);
  const refused = result.refused.find((entry) => entry.caseId === state.input.caseId);
  return refused ? refused.reasons : null;
}

/**
 * The case no longer needs its handler (resolved): frees the capacity it held and hands waiting
 * cases of the same queue to whoever now has room, telling each of their workflows.
 */
export async function releaseAndDispatch(state: CaseWorkflowState, nowMs: number, reason: string): Promise<DispatchedCase[]> {
  const at = new Date(nowMs).toISOString();
  const released = await releaseAssignment.executeWithOptions({ ...assignmentOptions, summary: `release the handler (${reason})` }, [{ caseId: state.input.caseId, reason, releasedAt: at }]);
  if (!released.isReleased) return [];
  const dispatched = await dispatchWaitingCases.executeWithOptions({ ...assignmentOptions, summary: 'dispatch cases waiting for manual scheduling' }, [
    { queueCode: state.caseState.queue, now: at },
  ]);
  for (const waiting of dispatched) {
    await getExternalWorkflowHandle(waiting.workflowId).signal(assignSignal, { actorId: 'dispatcher', assigneeId: waiting.agentId });
  }
  return dispatched;
}
