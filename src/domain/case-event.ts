import { type CasePriority, type CaseStatus, type ResolutionCategory } from './case-vocabulary.js';
import { refuse, type DomainError } from './errors.js';
import { type SlaClockKind } from './sla-clock.js';
import { type SlaPolicy } from './sla-policy.js';
import { type EpochMs } from './zoned-time.js';

/** Who made a note visible: handlers only, or the customer too (criterion F). */
export type NoteVisibility = 'internal' | 'customer';

interface EventBase {
  /** When it happened (workflow time). */
  at: EpochMs;
  /** User id of the person, or `system` for timers. */
  actor: string;
}

/** Everything that can happen to a case; `transition` answers each one. */
export type CaseEvent = EventBase &
  (
    | { type: 'assign'; assignee: string; queue?: string }
    | { type: 'startWork' }
    | { type: 'addNote'; visibility: NoteVisibility; body: string }
    | { type: 'transfer'; toQueue?: string; toAssignee?: string; reason: string }
    | { type: 'escalate'; reason: string }
    | { type: 'deEscalate'; reason: string }
    | { type: 'changePriority'; priority: CasePriority; reason?: string }
    | { type: 'pause'; reason?: string }
    | { type: 'resume' }
    | { type: 'customerReply'; body?: string }
    | { type: 'resolve'; category?: string; notes?: string }
    | { type: 'reopen'; reason: string }
    | { type: 'close' }
    | { type: 'slaBreached'; clock: SlaClockKind }
    | { type: 'csatSent' }
    | { type: 'csatAnswered'; score: number; isResolved: boolean; comment?: string }
  );

export type CaseEventType = CaseEvent['type'];

/** Topics of notifications to people; templates and quiet hours are the delivery side's business. */
export type NotificationTopic =
  | 'case_assigned'
  | 'case_transferred'
  | 'case_escalated'
  | 'case_de_escalated'
  | 'customer_replied'
  | 'case_resolved'
  | 'case_reopened'
  | 'sla_breached'
  | 'csat_low_score';

export type NotificationAudience = 'assignee' | 'manager_group' | 'customer' | 'supervisor';

/** What the workflow must do after a transition, as plain data, in order. */
export type CaseEffect =
  | { type: 'pauseClocks' }
  /** Resumes paused clocks; stopped ones stay stopped. */
  | { type: 'resumeClocks' }
  | { type: 'stopClock'; clock: SlaClockKind }
  | { type: 'stopClocks' }
  | { type: 'reopenClock'; clock: SlaClockKind }
  /** Resolve the policy's targets again and re-target both clocks, keeping elapsed time. */
  | { type: 'retargetClocks'; reason: 'priority_changed' | 'escalated' }
  | { type: 'notify'; audience: NotificationAudience; topic: NotificationTopic; recipient?: string }
  | { type: 'recordNote'; visibility: NoteVisibility; body: string; author: string }
  | { type: 'logEscalation'; trigger: 'manual' | 'sla_breach' | 'rollback'; reason: string; handler: string | null; clock?: SlaClockKind }
  | { type: 'recordResolution'; category: ResolutionCategory; notes: string }
  | { type: 'scheduleCsat' }
  | { type: 'cancelCsat' }
  | { type: 'recordCsat'; score: number; isResolved: boolean; comment: string }
  | { type: 'openSupervisorReview'; reason: string };

/** Where the case's single CSAT survey stands (one survey per case). */
export type CsatStatus = 'none' | 'scheduled' | 'sent' | 'answered' | 'cancelled';

/** The part of a case the rules decide on; the workflow keeps the rest (notes, clocks, log). */
export interface CaseState {
  status: CaseStatus;
  priority: CasePriority;
  assignee: string | null;
  queue: string | null;
  /** Where a de-escalation (rollback of a false escalation) returns to. */
  statusBeforeEscalation: CaseStatus | null;
  /** Where resume or a customer reply returns to. */
  statusBeforePause: CaseStatus | null;
  firstRespondedAt: EpochMs | null;
  resolution: { category: ResolutionCategory; notes: string; resolvedAt: EpochMs; resolvedBy: string } | null;
  /** The last resolution instant, kept across reopen for the reopen window. */
  lastResolvedAt: EpochMs | null;
  csat: CsatStatus;
  reopenCount: number;
}

/** The answer to an event: the next state and its effects, or a typed refusal. */
export type TransitionResult = { ok: true; state: CaseState; effects: CaseEffect[] } | { ok: false; error: DomainError };

/** The settings of a policy that case transitions depend on. */
export type CaseRules = Pick<SlaPolicy, 'reopenWindowMs' | 'csat'>;

/** The rule for one event type. */
export type CaseEventHandler<K extends CaseEventType> = (
  state: CaseState,
  event: Extract<CaseEvent, { type: K }>,
  rules: CaseRules,
) => TransitionResult;

/** Tells whether work is still owed on a case in `status`. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/** Tells whether a required text is missing or only whitespace. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The refusal for an event that makes no sense in the case's current status. */
export function refuseTransition(state: CaseState, event: CaseEvent): TransitionResult {
  return refuse('invalid_transition', `cannot ${event.type} a case that is ${state.status}`, { status: state.status, event: event.type });
}
