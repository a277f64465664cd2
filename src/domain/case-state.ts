import {
  isBlank,
  isOpenStatus,
  refuseTransition,
  type CaseEvent,
  type CaseEventHandler,
  type CaseEventType,
  type CaseRules,
  type CaseState,
  type TransitionResult,
} from './case-event.js';
import { close, csatAnswered, csatSent, reopen, resolve } from './case-resolution-transitions.js';
import { type CasePriority, type CaseStatus } from './case-vocabulary.js';
import { refuse } from './errors.js';
import { defaultSlaPolicy } from './sla-policy.js';

/** A new case as intake creates it. */
export function createCaseState(init: { priority: CasePriority; queue?: string | null; assignee?: string | null }): CaseState {
  const assignee = init.assignee ?? null;
  return {
    status: assignee === null ? 'new' : 'assigned',
    priority: init.priority,
    assignee,
    queue: init.queue ?? null,
    statusBeforeEscalation: null,
    statusBeforePause: null,
    firstRespondedAt: null,
    resolution: null,
    lastResolvedAt: null,
    csat: 'none',
    reopenCount: 0,
  };
}

// Statuses in which nobody has started work yet, so an assignment changes the status.
const isPreWork = (status: CaseStatus): boolean => status === 'new' || status === 'assigned' || status === 'in_progress';


const assign: CaseEventHandler<'assign'> = (state, event) => {
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  if (isBlank(event.assignee)) return refuse('assignee_required', 'an assignment needs an assignee', { field: 'assignee' });
  if (event.assignee === state.assignee) return refuse('no_change', `the case is already assigned to ${event.assignee}`);
  const status = isPreWork(state.status) ? 'assigned' : state.status;
  return {
    ok: true,
    state: { ...state, status, assignee: event.assignee, queue: event.queue ?? state.queue },
    effects: [{ type: 'notify', audience: 'assignee', topic: 'case_assigned', recipient: event.assignee }],
  };
};

const startWork: CaseEventHandler<'startWork'> = (state, event) => {
  if (state.status !== 'new' && state.status !== 'assigned') return refuseTransition(state, event);
  return { ok: true, state: { ...state, status: 'in_progress', assignee: state.assignee ?? event.actor }, effects: [] };
};

const addNote: CaseEventHandler<'addNote'> = (state, event) => {
  if (isBlank(event.body)) return refuse('note_required', 'a note needs a text', { field: 'body' });
  const recordNote = { type: 'recordNote', visibility: event.visibility, body: event.body, author: event.actor } as const;
  // The first customer-visible word from a handler is the first response.
  if (event.visibility === 'customer' && state.firstRespondedAt === null && isOpenStatus(state.status)) {
    return { ok: true, state: { ...state, firstRespondedAt: event.at }, effects: [recordNote, { type: 'stopClock', clock: 'firstResponse' }] };
  }
  return { ok: true, state, effects: [recordNote] };
};

const transfer: CaseEventHandler<'transfer'> = (state, event) => {
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  if (isBlank(event.reason)) return refuse('reason_required', 'a transfer needs a reason', { field: 'reason' });
  if (isBlank(event.toQueue) && isBlank(event.toAssignee)) {
    return refuse('transfer_target_required', 'a transfer needs a target queue or handler', { field: 'toQueue' });
  }
  const assignee = isBlank(event.toAssignee) ? null : (event.toAssignee ?? null);
  const status = isPreWork(state.status) ? (assignee === null ? 'new' : 'assigned') : state.status;
  return {
    ok: true,
    state: { ...state, status, assignee, queue: isBlank(event.toQueue) ? state.queue : (event.toQueue ?? null) },
    effects: assignee === null ? [] : [{ type: 'notify', audience: 'assignee', topic: 'case_transferred', recipient: assignee }],
  };
};

const escalate: CaseEventHandler<'escalate'> = (state, event) => {
  if (!isOpenStatus(state.status) || state.status === 'escalated') return refuseTransition(state, event);
  if (isBlank(event.reason)) return refuse('reason_required', 'an escalation needs a reason', { field: 'reason' });
  return {
    ok: true,
    state: { ...state, status: 'escalated', statusBeforeEscalation: state.status },
    effects: [
      ...(state.status === 'pending_customer' ? [{ type: 'resumeClocks' } as const] : []),
      { type: 'logEscalation', trigger: 'manual', reason: event.reason, handler: state.assignee },
      { type: 'notify', audience: 'manager_group', topic: 'case_escalated' },
    ],
  };
};

const deEscalate: CaseEventHandler<'deEscalate'> = (state, event) => {
  if (state.status !== 'escalated') return refuseTransition(state, event);
  if (isBlank(event.reason)) return refuse('reason_required', 'a de-escalation needs a reason', { field: 'reason' });
  const status = state.statusBeforeEscalation ?? (state.assignee === null ? 'new' : 'assigned');
  return {
    ok: true,
    state: { ...state, status, statusBeforeEscalation: null },
    effects: [
      ...(status === 'pending_customer' ? [{ type: 'pauseClocks' } as const] : []),
      { type: 'logEscalation', trigger: 'rollback', reason: event.reason, handler: state.assignee },
      { type: 'notify', audience: 'assignee', topic: 'case_de_escalated', ...(state.assignee ? { recipient: state.assignee } : {}) },
    ],
  };
};

const slaBreached: CaseEventHandler<'slaBreached'> = (state, event) => {
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  const reason = `${event.clock === 'firstResponse' ? 'first response' : 'resolution'} SLA breached`;
  const log = { type: 'logEscalation', trigger: 'sla_breach', reason, handler: state.assignee, clock: event.clock } as const;
  const notify = { type: 'notify', audience: 'manager_group', topic: 'sla_breached' } as const;
  // Already with the managers: the breach is still logged and announced, the status stays.
  if (state.status === 'escalated') return { ok: true, state, effects: [log, notify] };
  return {
    ok: true,
    state: { ...state, status: 'escalated', statusBeforeEscalation: state.status },
    effects: [
      ...(state.status === 'pending_customer' ? [{ type: 'resumeClocks' } as const] : []),
      log,
      notify,
      { type: 'retargetClocks', reason: 'escalated' },
    ],
  };
};

const changePriority: CaseEventHandler<'changePriority'> = (state, event) => {
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  if (event.priority === state.priority) return refuse('no_change', `the case is already ${event.priority}`, { field: 'priority' });
  return { ok: true, state: { ...state, priority: event.priority }, effects: [{ type: 'retargetClocks', reason: 'priority_changed' }] };
};

const pause: CaseEventHandler<'pause'> = (state, event) => {
  if (state.status !== 'assigned' && state.status !== 'in_progress') return refuseTransition(state, event);
  return { ok: true, state: { ...state, status: 'pending_customer', statusBeforePause: state.status }, effects: [{ type: 'pauseClocks' }] };
};

const resume: CaseEventHandler<'resume'> = (state, event) => {
  if (state.status !== 'pending_customer') return refuseTransition(state, event);
  return {
    ok: true,
    state: { ...state, status: state.statusBeforePause ?? 'in_progress', statusBeforePause: null },
    effects: [{ type: 'resumeClocks' }],
  };
};

const customerReply: CaseEventHandler<'customerReply'> = (state, event, rules) => {
  // A reply to a resolved case means it is not done: reopen it (within the reopen window).
  if (state.status === 'resolved') return reopen(state, { ...event, type: 'reopen', reason: 'customer replied' }, rules);
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  const notify = { type: 'notify', audience: 'assignee', topic: 'customer_replied', ...(state.assignee ? { recipient: state.assignee } : {}) } as const;
  if (state.status !== 'pending_customer') return { ok: true, state, effects: [notify] };
  const resumed = resume(state, { ...event, type: 'resume' }, rules);
  return resumed.ok ? { ...resumed, effects: [...resumed.effects, notify] } : resumed;
};

const handlers: { [K in CaseEventType]: CaseEventHandler<K> } = {
  assign,
  startWork,
  addNote,
  transfer,
  escalate,
  deEscalate,
  changePriority,
  pause,
  resume,
  customerReply,
  resolve,
  reopen,
  close,
  slaBreached,
  csatSent,
  csatAnswered,
};

/**
 * Applies one event to a case: the next state and the effects the workflow must run, in order, or
 * a typed refusal (`invalid_transition` with the status and event, or the missing/invalid field).
 * No event is ever ignored: every call returns one or the other. `rules` carries the policy
 * settings transitions need (reopen window, CSAT review threshold).
 */
export function transition(state: CaseState, event: CaseEvent, rules: CaseRules = defaultSlaPolicy): TransitionResult {
  const handler = handlers[event.type] as CaseEventHandler<typeof event.type>;
  return handler(state, event as never, rules);
}
