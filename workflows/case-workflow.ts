import { condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { CaseEvent } from '../src/domain/case-event.js';
import type { CasePriority } from '../src/domain/case-vocabulary.js';
import { findNextClockDeadlineMs } from './case-clocks.js';
import { handleCaseEventWithComplaint, handleComplaintCommand, handleDueComplaintTimers, isAnyComplaintTimerDue, registerComplaint } from './case-complaint.js';
import { startHistoryArchive } from './case-history-archive.js';
import { applyPolicyChange, findNextWakeMs, handleDueTimers, isAnyTimerDue, openCase, shouldContinueAsNew } from './case-loop.js';
import * as messages from './case-messages.js';
import { buildCaseView } from './case-view.js';
import { createWakeTimer } from './wake-timer.js';
import type { CaseWorkflowInput, CaseWorkflowState, InboxItem } from './case-workflow-types.js';

type UntimedCaseEvent = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at'> : never) : never;

const isClosed = (state: CaseWorkflowState): boolean => state.caseState.status === 'closed';

/**
 * One customer case, from intake to close (`case-<number>`). Signal handlers only queue domain
 * events; the loop applies them in order through the domain's `transition`, projects each one,
 * and otherwise sleeps until the next SLA, survey or close deadline.
 */
export async function caseWorkflow(input: CaseWorkflowInput, carried?: CaseWorkflowState): Promise<void> {
  const inbox: InboxItem[] = carried?.inbox ?? [];
  let state: CaseWorkflowState | undefined = carried;
  // Workflow time: Date.now() is deterministic inside the workflow sandbox.
  const queue = (event: UntimedCaseEvent): void => {
    inbox.push({ kind: 'event', event: { ...event, at: Date.now() } as CaseEvent });
  };
  setHandler(messages.addNoteSignal, ({ actorId, ...note }) => queue({ type: 'addNote', actor: actorId, ...note }));
  setHandler(messages.assignSignal, ({ actorId, assigneeId }) => queue({ type: 'assign', actor: actorId, assignee: assigneeId }));
  setHandler(messages.transferSignal, ({ actorId, toAssigneeId, ...rest }) => queue({ type: 'transfer', actor: actorId, ...rest, ...(toAssigneeId ? { toAssignee: toAssigneeId } : {}) }));
  setHandler(messages.escalateSignal, ({ actorId, reason }) => queue({ type: 'escalate', actor: actorId, reason }));
  setHandler(messages.deEscalateSignal, ({ actorId, reason }) => queue({ type: 'deEscalate', actor: actorId, reason }));
  setHandler(messages.changePrioritySignal, ({ actorId, priority, reason }) => queue({ type: 'changePriority', actor: actorId, priority: priority as CasePriority, ...(reason ? { reason } : {}) }));
  setHandler(messages.pauseSignal, ({ actorId, reason }) => queue({ type: 'pause', actor: actorId, reason }));
  setHandler(messages.resumeSignal, ({ actorId }) => queue({ type: 'resume', actor: actorId }));
  setHandler(messages.customerReplySignal, ({ body }) => queue({ type: 'customerReply', actor: `customer:${input.customerId}`, body }));
  setHandler(messages.resolveSignal, ({ actorId, ...resolution }) => queue({ type: 'resolve', actor: actorId, ...resolution }));
  setHandler(messages.reopenSignal, ({ actorId, reason }) => queue({ type: 'reopen', actor: actorId, reason }));
  setHandler(messages.csatAnswerSignal, (answer) => queue({ type: 'csatAnswered', actor: `customer:${input.customerId}`, ...answer }));
  setHandler(messages.policyChangedSignal, (change) => {
    inbox.push({ kind: 'policyChanged', atMs: Date.now(), change });
  });
  setHandler(messages.sendInProgressResponseSignal, (command) => {
    inbox.push({ kind: 'inProgressResponse', atMs: Date.now(), command });
  });
  setHandler(messages.reclassifySignal, (command) => {
    inbox.push({ kind: 'reclassify', atMs: Date.now(), command });
  });
  setHandler(messages.caseStateQuery, () => {
    if (!state) throw new Error(`case ${input.caseNumber} is still being recorded`);
    return buildCaseView(state, Date.now());
  });

  // A continued run upserts its search attributes once, whatever the previous run last wrote.
  if (state) state.searchAttributesFingerprint = null;
  if (!state) {
    state = await openCase(input, Date.now(), inbox);
    await registerComplaint(state, Date.now());
  }
  state.inbox = inbox;
  // At least a second: a deadline the domain math places in the past must not spin the loop.
  const wakeTimer = createWakeTimer(1_000);
  while (state.caseState.status !== 'closed') {
    if (isAnyTimerDue(state, Date.now())) await handleDueTimers(state, Date.now());
    if (isAnyComplaintTimerDue(state, Date.now())) await handleDueComplaintTimers(state, Date.now());
    if (isClosed(state)) break;
    const wakeAtMs = findNextWakeMs(state, findNextClockDeadlineMs(state, Date.now()));
    if (wakeAtMs === null) wakeTimer.disarm();
    else wakeTimer.armFor(wakeAtMs, `wake for the deadline at ${new Date(wakeAtMs).toISOString()}`);
    await condition(() => inbox.length > 0 || wakeTimer.hasFired());
    for (let item = inbox.shift(); item; item = inbox.shift()) {
      if (item.kind === 'policyChanged') await applyPolicyChange(state, item);
      else if (item.kind === 'event') await handleCaseEventWithComplaint(state, item.event);
      else await handleComplaintCommand(state, item);
    }
    if (shouldContinueAsNew(state)) await continueAsNew<typeof caseWorkflow>(input, state);
  }
  // The history is final once this run completes; the abandoned child archives it then (7-year rule).
  await startHistoryArchive(input.caseId);
}
