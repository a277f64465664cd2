import { proxyLocalActivities, upsertSearchAttributes, workflowInfo, type LocalActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import type { CaseEvent } from '../src/domain/case-event.js';
import { createDomainError, type DomainError } from '../src/domain/errors.js';
import { createCaseState, transition } from '../src/domain/case-state.js';
import { CASE_ASSIGNEE, CASE_PRIORITY, CASE_QUEUE, CASE_STATUS, CASE_TYPE, CUSTOMER_ID, SLA_BREACHED } from '../src/temporal/search-attributes.js';
import { findDueClockEvents, resolveTargets, retargetClocks, snapshotClocks, startClocks } from './case-clocks.js';
import { applyEffects, notifyHandler, type EventRecords } from './case-effects.js';
import { buildCaseRow } from './case-row.js';
import { startComplaintForCase } from './case-complaint-clocks.js';
import { releaseAndDispatch, reserveNamedHandler, routeCase } from './case-routing.js';
import type { AssignCaseResult } from '../activities/assignment/assignment-types.js';
import type { CaseWorkflowInput, CaseWorkflowState, InboxItem } from './case-workflow-types.js';

// Projection and lookups are short database calls on the worker's own pool: local activities, so a
// signal costs one workflow task (the result is a marker in the history) instead of a task to
// schedule the activity, the activity task and a task to take its result. Projection is
// idempotent by case id + sequence, so the re-run a lost workflow task causes duplicates nothing;
// it retries until Postgres is back (backoffs past a minute become durable timers).
const projectionOptions: LocalActivityOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } };
const lookupOptions: LocalActivityOptions = { startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 10 } };

const { projectCaseEvent } = proxyLocalActivities<CaseActivities>(projectionOptions);
const { loadCasePolicy, checkSurveyAllowance } = proxyLocalActivities<CaseActivities>(lookupOptions);

/** Event log names (`case_events.type`) for each domain event. */
const eventLogTypes: Record<CaseEvent['type'], string> = {
  assign: 'assigned',
  startWork: 'work_started',
  addNote: 'note_added',
  transfer: 'transferred',
  escalate: 'escalated',
  deEscalate: 'de_escalated',
  changePriority: 'priority_changed',
  pause: 'paused',
  resume: 'resumed',
  customerReply: 'customer_replied',
  resolve: 'resolved',
  reopen: 'reopened',
  close: 'closed',
  slaBreached: 'sla_breached',
  csatSent: 'csat_sent',
  csatAnswered: 'csat_answered',
};

/** Appends one event: bumps the sequence, projects it (idempotent by case id + sequence), refreshes search attributes. */
export async function recordEvent(state: CaseWorkflowState, nowMs: number, eventType: string, actor: string, records: EventRecords): Promise<void> {
  // The sequence advances once the projection is done, so a query's `lastSequence` is in Postgres.
  const sequence = state.sequence + 1;
  const { payload, ...sideRecords } = records;
  await projectCaseEvent.executeWithOptions({ ...projectionOptions, summary: `#${sequence} ${eventType}` }, [
    { caseId: state.input.caseId, sequence, occurredAtMs: nowMs, eventType, actor, payload, caseRow: buildCaseRow(state, nowMs), clocks: snapshotClocks(state, nowMs), ...sideRecords },
  ]);
  state.sequence = sequence;
  refreshSearchAttributes(state);
}

/**
 * Upserts the search attributes when one of them changed since the last upsert (of this run):
 * most events (notes, replies, warnings) change none, and each upsert is a history event and a
 * visibility write on the server.
 */
function refreshSearchAttributes(state: CaseWorkflowState): void {
  const attributes = [
    { key: CASE_STATUS, value: state.caseState.status },
    { key: CASE_PRIORITY, value: state.caseState.priority },
    { key: CASE_QUEUE, value: state.caseState.queue },
    { key: CASE_TYPE, value: state.input.caseType },
    { key: CASE_ASSIGNEE, value: state.caseState.assignee },
    { key: SLA_BREACHED, value: state.breachedAtMs.firstResponse !== null || state.breachedAtMs.resolution !== null },
    { key: CUSTOMER_ID, value: state.input.customerId },
  ] as const;
  const fingerprint = JSON.stringify(attributes.map(({ value }) => value));
  if (fingerprint === state.searchAttributesFingerprint) return;
  upsertSearchAttributes([...attributes]);
  state.searchAttributesFingerprint = fingerprint;
}

/** Records the case, its policy, deadlines and queue: the first event of every case. */
export async function openCase(input: CaseWorkflowInput, nowMs: number, inbox: InboxItem[]): Promise<CaseWorkflowState> {
  const casePolicy = await loadCasePolicy.executeWithOptions({ ...lookupOptions, summary: `load SLA policy for region ${input.regionCode}` }, [{ regionCode: input.regionCode }]);
  const targets = resolveTargets({ input, casePolicy });
  const state: CaseWorkflowState = {
    input,
    createdAtMs: nowMs,
    caseState: createCaseState({ priority: input.priority }),
    casePolicy,
    clocks: startClocks(targets, nowMs),
    warningsSent: [],
    breachedAtMs: { firstResponse: null, resolution: null },
    escalationLog: [],
    escalationGroup: null,
    escalatedAtMs: null,
    csat: { scheduledForMs: null, sentAtMs: null, windowClosesAtMs: null, answer: null },
    closeAtMs: null,
    closedAtMs: null,
    firstResponseMs: null,
    timeToResolveMs: null,
    sequence: 0,
    searchAttributesFingerprint: null,
    lastRejection: null,
    complaint: startComplaintForCase(input, casePolicy, nowMs),
    inbox,
  };
  const payload = { policy: { policyId: targets.policyId, version: targets.policyVersion }, matchedRuleIds: targets.matchedRuleIds };
  await recordEvent(state, nowMs, 'case_created', input.createdBy ?? 'system', { payload });
  await applyRouting(state, await routeCase(state, state.sequence, nowMs), nowMs);
  return state;
}

/**
 * Adopts a routing decision: the queue, the rules' priority, and the handler whose capacity it
 * reserved, or the wait for manual scheduling. The decision's reasons go into the event log.
 */
async function applyRouting(state: CaseWorkflowState, routing: AssignCaseResult, nowMs: number): Promise<void> {
  state.caseState = { ...state.caseState, queue: routing.queueCode };
  const { caseId: _caseId, eventSequence: _eventSequence, ...payload } = routing;
  await recordEvent(state, nowMs, routing.outcome === 'assigned' ? 'routed' : 'awaiting_assignment', 'routing', { payload });
  if (routing.priority !== state.caseState.priority) {
    await handleCaseEvent(state, { type: 'changePriority', priority: routing.priority, reason: `routing rules ${routing.matchedRuleCodes.join(', ')}`, at: nowMs, actor: 'routing' });
  }
  if (routing.agentId) await handleCaseEvent(state, { type: 'assign', assignee: routing.agentId, at: nowMs, actor: 'routing' });
}

/** Runs one domain event through `transition`: applied with its effects, or recorded as rejected. */
export async function handleCaseEvent(state: CaseWorkflowState, event: CaseEvent, extra: Omit<EventRecords, 'payload'> = {}): Promise<void> {
  const result = transition(state.caseState, event, state.casePolicy.policy);
  const { at: nowMs, actor, ...fields } = event;
  // Only assignments reserve a handler: other events skip the await (each costs the sandbox a tracked promise).
  const refusal = !result.ok ? result.error : event.type === 'assign' || event.type === 'transfer' ? await checkNamedHandler(state, event) : null;
  if (!result.ok || refusal) {
    const error = refusal ?? (result as { error: DomainError }).error;
    // Never dropped: a refused signal is an event of its own, with the reason.
    state.lastRejection = { sequence: state.sequence + 1, eventType: event.type, code: error.code, message: error.message };
    await recordEvent(state, nowMs, 'signal_rejected', actor, { payload: { event: fields, error } });
    return;
  }
  state.caseState = result.state;
  const records = applyEffects(state, result.effects, nowMs);
  if (event.type === 'slaBreached') state.breachedAtMs[event.clock] = nowMs;
  const notifications = [...(records.notifications ?? []), ...(extra.notifications ?? [])];
  await recordEvent(state, nowMs, eventLogTypes[event.type], actor, { ...records, ...extra, notifications, payload: { ...fields, ...records.payload } });
  if (event.type === 'transfer' && event.toQueue && !event.toAssignee) await applyRouting(state, await routeCase(state, state.sequence, nowMs, event.toQueue), nowMs);
  if (event.type === 'resolve') await releaseAndDispatch(state, nowMs, 'resolved');
}

/** Assigning or transferring to a named handler needs their skills and spare capacity. */
async function checkNamedHandler(state: CaseWorkflowState, event: Extract<CaseEvent, { type: 'assign' | 'transfer' }>): Promise<DomainError | null> {
  const reasons = await reserveNamedHandler(state, event);
  return reasons ? createDomainError('handler_unavailable', `the handler cannot take this case: ${reasons.join('; ')}`) : null;
}

/** Applies a policy version an admin re-applied: loads it, re-targets the clocks, keeps elapsed time. */
export async function applyPolicyChange(state: CaseWorkflowState, item: Extract<InboxItem, { kind: 'policyChanged' }>): Promise<void> {
  if (item.change.policyVersionId === state.casePolicy.policyVersionId) {
    // A re-apply job retried after a crash signals again: the case already runs this version.
    const error = createDomainError('no_change', `the case already runs under SLA policy version ${item.change.policyVersionId}`);
    state.lastRejection = { sequence: state.sequence + 1, eventType: 'policyChanged', code: error.code, message: error.message };
    await recordEvent(state, item.atMs, 'signal_rejected', item.change.actorId, { payload: { event: { type: 'policyChanged', policyVersionId: item.change.policyVersionId }, error } });
    return;
  }
  const casePolicy = await loadCasePolicy.executeWithOptions({ ...lookupOptions, summary: `load SLA policy ${item.change.policyVersionId}` }, [
    { regionCode: state.input.regionCode, policyVersionId: item.change.policyVersionId },
  ]);
  const previous = { policyId: state.casePolicy.policy.policyId, version: state.casePolicy.policy.version };
  state.casePolicy = casePolicy;
  retargetClocks(state, item.atMs);
  const payload = { previous, current: { policyId: casePolicy.policy.policyId, version: casePolicy.policy.version, policyVersionId: casePolicy.policyVersionId } };
  await recordEvent(state, item.atMs, 'policy_changed', item.change.actorId, { payload });
}

/**
 * Whether `handleDueTimers` has anything to do at `nowMs`; most wake-ups are signals with nothing
 * due, and the check keeps them from calling into the async handler.
 */
export function isAnyTimerDue(state: CaseWorkflowState, nowMs: number): boolean {
  if (findDueClockEvents(state, nowMs).length > 0) return true;
  if (state.caseState.csat === 'scheduled' && state.csat.scheduledForMs !== null && nowMs >= state.csat.scheduledForMs) return true;
  return state.caseState.status === 'resolved' && state.closeAtMs !== null && nowMs >= state.closeAtMs;
}

/** Fires warnings, breaches, the CSAT send and the close that are due at `nowMs`. */
export async function handleDueTimers(state: CaseWorkflowState, nowMs: number): Promise<void> {
  for (const due of findDueClockEvents(state, nowMs)) {
    if (due.kind === 'warning') {
      state.warningsSent.push(`${due.clock}:${due.revision}:${due.threshold}`);
      const payload = { clock: due.clock, threshold: due.threshold };
      await recordEvent(state, nowMs, 'sla_warning', 'timer', { payload, notifications: notifyHandler(state, 'sla_warning', payload) });
    } else {
      await handleCaseEvent(state, { type: 'slaBreached', clock: due.clock, at: nowMs, actor: 'timer' });
    }
  }
  const { csat } = state;
  if (state.caseState.csat === 'scheduled' && csat.scheduledForMs !== null && nowMs >= csat.scheduledForMs) {
    if (!(await isSurveyAllowed(state, nowMs))) return;
    const windowClosesAtMs = nowMs + state.casePolicy.policy.csat.answerWindowMs;
    state.csat = { ...csat, sentAtMs: nowMs, windowClosesAtMs };
    const notification = { template: 'csat_survey', channel: 'email', recipient: state.input.customerId, payload: { caseNumber: state.input.caseNumber, windowClosesAtMs } } as const;
    await handleCaseEvent(state, { type: 'csatSent', at: nowMs, actor: 'timer' }, { survey: { status: 'sent', sentAtMs: nowMs, windowClosesAtMs }, notifications: [notification] });
    state.closeAtMs = windowClosesAtMs;
  }
  if (state.caseState.status === 'resolved' && state.closeAtMs !== null && nowMs >= state.closeAtMs) {
    state.closedAtMs = nowMs;
    const survey = state.caseState.csat === 'sent' ? { survey: { status: 'expired' } as const } : {};
    await handleCaseEvent(state, { type: 'close', at: nowMs, actor: 'timer' }, survey);
  }
}

/**
 * One survey per customer per interval: when another case's survey went out too recently, this
 * case's survey is suppressed (recorded, survey row cancelled) and the case closes on schedule.
 */
async function isSurveyAllowed(state: CaseWorkflowState, nowMs: number): Promise<boolean> {
  const { minIntervalPerCustomerMs } = state.casePolicy.policy.csat;
  const allowance = await checkSurveyAllowance.executeWithOptions({ ...lookupOptions, summary: 'check the customer survey interval' }, [
    { caseId: state.input.caseId, customerId: state.input.customerId, atMs: nowMs, minIntervalMs: minIntervalPerCustomerMs },
  ]);
  if (allowance.isAllowed) return true;
  // The domain has no suppression event yet (requested); cancelling is the closest state it knows.
  state.caseState = { ...state.caseState, csat: 'cancelled' };
  state.csat = { ...state.csat, scheduledForMs: null };
  const payload = { reason: 'another survey was sent to this customer within the interval', lastSentAtMs: allowance.lastSentAtMs };
  await recordEvent(state, nowMs, 'csat_suppressed', 'timer', { payload, survey: { status: 'cancelled' } });
  return false;
}

/** The next instant the loop must wake: a clock deadline, the survey send or the close. */
export function findNextWakeMs(state: CaseWorkflowState, nextClockDeadlineMs: number | null): number | null {
  const candidates = [nextClockDeadlineMs, state.caseState.csat === 'scheduled' ? state.csat.scheduledForMs : null, state.caseState.status === 'resolved' ? state.closeAtMs : null];
  const instants = candidates.filter((at): at is number => at !== null);
  return instants.length === 0 ? null : Math.min(...instants);
}

/** Whether to continue as new: the server suggests it, or the history passed the case's limit. */
export function shouldContinueAsNew(state: CaseWorkflowState): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= (state.input.historyEventLimit ?? 8_000);
}
