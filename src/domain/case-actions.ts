import { refuse, type DomainResult } from './errors.js';
import { openCaseStatuses, type CaseStatus } from './case-vocabulary.js';

/** The actions a person can ask of a case; each becomes one signal to the case workflow. */
export const caseActions = ['note', 'assign', 'transfer', 'escalate', 'de-escalate', 'priority', 'pause', 'resume', 'resolve', 'reopen'] as const;
export type CaseAction = (typeof caseActions)[number];

const open: readonly CaseStatus[] = openCaseStatuses;

/**
 * The statuses in which an action makes sense, as a cheap pre-check before signalling. The
 * workflow stays the authority (it records a rejected signal in the timeline); this only spares
 * callers a round trip for requests that cannot succeed, e.g. resolving a closed case.
 */
export const caseActionStatuses: Readonly<Record<CaseAction, readonly CaseStatus[]>> = {
  note: [...open, 'resolved'],
  assign: open,
  transfer: open,
  escalate: ['new', 'assigned', 'in_progress', 'pending_customer'],
  'de-escalate': ['escalated'],
  priority: open,
  pause: ['new', 'assigned', 'in_progress', 'escalated'],
  resume: ['pending_customer'],
  resolve: open,
  reopen: ['resolved'],
};

/**
 * Checks whether `action` may be asked of a case in `status`.
 * @returns ok, or an `invalid_transition` refusal naming the action and the status.
 */
export function checkCaseAction(action: CaseAction, status: CaseStatus): DomainResult<object> {
  if (caseActionStatuses[action].includes(status)) return { ok: true };
  return refuse('invalid_transition', `cannot ${action} a case that is ${status}`, { action, status });
}
