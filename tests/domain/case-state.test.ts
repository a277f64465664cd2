import { describe, expect, it } from 'vitest';
import { type CaseEvent, type CaseState } from '../../src/domain/case-event.js';
import { createCaseState, transition } from '../../src/domain/case-state.js';
import { caseStatuses, caseStatusLabels, resolutionCategories, type CaseStatus } from '../../src/domain/case-vocabulary.js';
import { domainErrorCodes, type DomainErrorCode } from '../../src/domain/errors.js';
import { defaultSlaPolicy } from '../../src/domain/sla-policy.js';

const t0 = Date.parse('2026-03-02T15:00Z');
const dayMs = 86_400_000;

/** A case in `status`, the way it would have got there; resolved/closed were resolved at t0. */
function buildCaseIn(status: CaseStatus): CaseState {
  const base = { ...createCaseState({ priority: 'P3', queue: 'general' }), assignee: status === 'new' ? null : 'ana', status };
  if (status === 'pending_customer') return { ...base, statusBeforePause: 'in_progress' };
  if (status === 'escalated') return { ...base, statusBeforeEscalation: 'in_progress' };
  if (status === 'resolved' || status === 'closed') {
    const resolution = { category: 'resolved_policy_explained' as const, notes: 'explained', resolvedAt: t0, resolvedBy: 'ana' };
    return { ...base, resolution, lastResolvedAt: t0, firstRespondedAt: t0, csat: status === 'resolved' ? 'scheduled' : 'sent' };
  }
  return base;
}

const at = t0 + dayMs;
const actor = 'ana';
const validEvents: Record<CaseEvent['type'], CaseEvent> = {
  assign: { type: 'assign', at, actor, assignee: 'bo' },
  startWork: { type: 'startWork', at, actor },
  addNote: { type: 'addNote', at, actor, visibility: 'internal', body: 'called back' },
  transfer: { type: 'transfer', at, actor, toAssignee: 'bo', reason: 'needs payments skills' },
  escalate: { type: 'escalate', at, actor, reason: 'customer threatens legal action' },
  deEscalate: { type: 'deEscalate', at, actor, reason: 'escalated by mistake' },
  changePriority: { type: 'changePriority', at, actor, priority: 'P1' },
  pause: { type: 'pause', at, actor, reason: 'waiting for bank statement' },
  resume: { type: 'resume', at, actor },
  customerReply: { type: 'customerReply', at, actor: 'customer', body: 'here it is' },
  resolve: { type: 'resolve', at, actor, category: 'resolved_adjustment_made', notes: 'late fee waived' },
  reopen: { type: 'reopen', at, actor, reason: 'issue came back' },
  close: { type: 'close', at, actor: 'system' },
  slaBreached: { type: 'slaBreached', at, actor: 'system', clock: 'resolution' },
  csatSent: { type: 'csatSent', at, actor: 'system' },
  csatAnswered: { type: 'csatAnswered', at, actor: 'customer', score: 4, isResolved: true, comment: 'Timely Response' },
};

const open = ['new', 'assigned', 'in_progress', 'pending_customer', 'escalated'] as const;
// What each event does in each status: the status it leads to, or the error code it is refused with.
const allowed: Record<CaseEvent['type'], Partial<Record<CaseStatus, CaseStatus>>> = {
  assign: { new: 'assigned', assigned: 'assigned', in_progress: 'assigned', pending_customer: 'pending_customer', escalated: 'escalated' },
  startWork: { new: 'in_progress', assigned: 'in_progress' },
  addNote: Object.fromEntries(caseStatuses.map((status) => [status, status])),
  transfer: { new: 'assigned', assigned: 'assigned', in_progress: 'assigned', pending_customer: 'pending_customer', escalated: 'escalated' },
  escalate: { new: 'escalated', assigned: 'escalated', in_progress: 'escalated', pending_customer: 'escalated' },
  deEscalate: { escalated: 'in_progress' },
  changePriority: Object.fromEntries(open.map((status) => [status, status])),
  pause: { assigned: 'pending_customer', in_progress: 'pending_customer' },
  resume: { pending_customer: 'in_progress' },
  customerReply: { new: 'new', assigned: 'assigned', in_progress: 'in_progress', pending_customer: 'in_progress', escalated: 'escalated', resolved: 'in_progress' },
  resolve: Object.fromEntries(open.map((status) => [status, 'resolved'])),
  reopen: { resolved: 'in_progress', closed: 'in_progress' },
  close: { resolved: 'closed' },
  slaBreached: Object.fromEntries(open.map((status) => [status, 'escalated'])),
  csatSent: { resolved: 'resolved' },
  csatAnswered: {},
};
const refusalCode = (event: CaseEvent['type']): DomainErrorCode =>
  event === 'csatSent' || event === 'csatAnswered' ? 'csat_not_open' : 'invalid_transition';

describe('transition: every event in every status', () => {
  const cases = Object.keys(validEvents).flatMap((event) => caseStatuses.map((status) => [event as CaseEvent['type'], status] as const));
  it.each(cases)('%s in %s', (eventType, status) => {
    const result = transition(buildCaseIn(status), validEvents[eventType]);
    const expected = allowed[eventType][status];
    if (expected === undefined) {
      expect(result).toMatchObject({ ok: false, error: { code: refusalCode(eventType) } });
      if (!result.ok) expect(result.error.message).not.toBe('');
    } else {
      expect(result).toMatchObject({ ok: true, state: { status: expected } });
    }
  });
});

describe('transition: required fields and reasons', () => {
  it.each<[string, CaseStatus, CaseEvent, DomainErrorCode]>([
    ['transfer without reason', 'assigned', { type: 'transfer', at, actor, toQueue: 'payments', reason: ' ' }, 'reason_required'],
    ['transfer without target', 'assigned', { type: 'transfer', at, actor, reason: 'wrong queue' }, 'transfer_target_required'],
    ['escalate without reason', 'in_progress', { type: 'escalate', at, actor, reason: '' }, 'reason_required'],
    ['deEscalate without reason', 'escalated', { type: 'deEscalate', at, actor, reason: '' }, 'reason_required'],
    ['reopen without reason', 'resolved', { type: 'reopen', at, actor, reason: '' }, 'reason_required'],
    ['assign without assignee', 'new', { type: 'assign', at, actor, assignee: '' }, 'assignee_required'],
    ['assign to the same handler', 'assigned', { type: 'assign', at, actor, assignee: 'ana' }, 'no_change'],
    ['priority unchanged', 'assigned', { type: 'changePriority', at, actor, priority: 'P3' }, 'no_change'],
    ['empty note', 'assigned', { type: 'addNote', at, actor, visibility: 'internal', body: '' }, 'note_required'],
    ['resolve without category', 'in_progress', { type: 'resolve', at, actor, notes: 'done' }, 'resolution_category_required'],
    ['resolve with an unknown category', 'in_progress', { type: 'resolve', at, actor, category: 'fixed', notes: 'done' }, 'unknown_resolution_category'],
    ['resolve without notes', 'in_progress', { type: 'resolve', at, actor, category: 'resolved_customer_satisfied', notes: '  ' }, 'resolution_notes_required'],
    ['reopen after the window', 'closed', { type: 'reopen', at: t0 + 31 * dayMs, actor, reason: 'again' }, 'reopen_window_expired'],
    ['customer reply to a long-resolved case', 'resolved', { type: 'customerReply', at: t0 + 31 * dayMs, actor: 'customer' }, 'reopen_window_expired'],
  ])('refuses %s', (_name, status, event, code) => {
    expect(transition(buildCaseIn(status), event)).toMatchObject({ ok: false, error: { code } });
  });

  it('accepts every one of the six resolution categories', () => {
    for (const category of resolutionCategories) {
      expect(transition(buildCaseIn('in_progress'), { type: 'resolve', at, actor, category, notes: 'done' }).ok).toBe(true);
    }
  });

  it('uses only codes from the closed list', () => {
    expect(new Set(domainErrorCodes).size).toBe(domainErrorCodes.length);
  });
});

describe('transition: effects', () => {
  const effectsOf = (status: CaseStatus, event: CaseEvent) => {
    const result = transition(buildCaseIn(status), event);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  it('pauses the clocks when waiting on the customer and resumes them on the reply', () => {
    expect(effectsOf('in_progress', validEvents.pause).effects).toEqual([{ type: 'pauseClocks' }]);
    expect(effectsOf('pending_customer', validEvents.customerReply).effects).toEqual([
      { type: 'resumeClocks' },
      { type: 'notify', audience: 'assignee', topic: 'customer_replied', recipient: 'ana' },
    ]);
  });

  it('escalates on SLA breach to the manager group, logs reason and handler, and recalculates the SLA (B-1)', () => {
    const result = effectsOf('in_progress', { type: 'slaBreached', at, actor: 'system', clock: 'firstResponse' });
    expect(caseStatusLabels[result.state.status]).toBe('Pending Manager Review');
    expect(result.effects).toEqual([
      { type: 'logEscalation', trigger: 'sla_breach', reason: 'first response SLA breached', handler: 'ana', clock: 'firstResponse' },
      { type: 'notify', audience: 'manager_group', topic: 'sla_breached' },
      { type: 'retargetClocks', reason: 'escalated' },
    ]);
  });

  it('records a second breach on an escalated case without changing it', () => {
    const result = effectsOf('escalated', validEvents.slaBreached);
    expect(result.state.status).toBe('escalated');
    expect(result.effects.map(({ type }) => type)).toEqual(['logEscalation', 'notify']);
  });

  it('rolls back a false escalation to where the case was, pausing again if it waited on the customer', () => {
    const escalated = effectsOf('pending_customer', validEvents.escalate);
    expect(escalated.effects[0]).toEqual({ type: 'resumeClocks' });
    const rolledBack = transition(escalated.state, validEvents.deEscalate);
    expect(rolledBack).toMatchObject({ ok: true, state: { status: 'pending_customer', statusBeforeEscalation: null } });
    if (rolledBack.ok) expect(rolledBack.effects.map(({ type }) => type)).toEqual(['pauseClocks', 'logEscalation', 'notify']);
  });

  it('re-targets the clocks on a priority change, also mid-pause', () => {
    const result = effectsOf('pending_customer', validEvents.changePriority);
    expect(result.state).toMatchObject({ status: 'pending_customer', priority: 'P1' });
    expect(result.effects).toEqual([{ type: 'retargetClocks', reason: 'priority_changed' }]);
  });

  it('stops the first-response clock on the first customer-visible note only', () => {
    const note: CaseEvent = { type: 'addNote', at, actor, visibility: 'customer', body: 'We are on it' };
    const first = effectsOf('assigned', note);
    expect(first.effects.map(({ type }) => type)).toEqual(['recordNote', 'stopClock']);
    expect(first.state.firstRespondedAt).toBe(at);
    const second = transition(first.state, { ...note, at: at + 1 });
    expect(second.ok && second.effects.map(({ type }) => type)).toEqual(['recordNote']);
  });

  it('notifies the new handler on transfer; a queue transfer unassigns', () => {
    expect(effectsOf('in_progress', validEvents.transfer).effects).toEqual([{ type: 'notify', audience: 'assignee', topic: 'case_transferred', recipient: 'bo' }]);
    const toQueue = effectsOf('in_progress', { type: 'transfer', at, actor, toQueue: 'payments', reason: 'payments matter' });
    expect(toQueue.state).toMatchObject({ status: 'new', assignee: null, queue: 'payments' });
  });

  it('resolves: stops clocks, confirms to the customer and schedules the survey', () => {
    const result = effectsOf('in_progress', validEvents.resolve);
    expect(result.effects.map(({ type }) => type)).toEqual(['stopClocks', 'recordResolution', 'notify', 'scheduleCsat']);
    expect(result.state).toMatchObject({ csat: 'scheduled', lastResolvedAt: at, resolution: { category: 'resolved_adjustment_made', resolvedBy: 'ana' } });
  });

  it('reopening cancels a survey not yet sent and restarts the resolution clock', () => {
    const result = effectsOf('resolved', validEvents.reopen);
    expect(result.effects.map(({ type }) => type)).toEqual(['cancelCsat', 'reopenClock', 'notify']);
    expect(result.state).toMatchObject({ csat: 'cancelled', reopenCount: 1, resolution: null });
    const resolvedAgain = transition(result.state, { ...validEvents.resolve, at: at + dayMs });
    expect(resolvedAgain).toMatchObject({ ok: true, state: { csat: 'scheduled' } });
  });

  it('sends one survey per case: a survey already sent is not scheduled again', () => {
    const sent = { ...buildCaseIn('in_progress'), csat: 'sent' as const };
    const result = transition(sent, validEvents.resolve);
    expect(result.ok && result.effects.map(({ type }) => type)).toEqual(['stopClocks', 'recordResolution', 'notify']);
  });

  it.each<[number, string[]]>([
    [4, ['recordCsat']],
    [3, ['recordCsat']],
    [2, ['recordCsat', 'openSupervisorReview', 'notify']],
    [1, ['recordCsat', 'openSupervisorReview', 'notify']],
  ])('a CSAT score of %i leads to %j (D-1)', (score, effects) => {
    const awaiting = { ...buildCaseIn('resolved'), csat: 'sent' as const };
    const result = transition(awaiting, { ...validEvents.csatAnswered, score } as CaseEvent);
    expect(result.ok && result.effects.map(({ type }) => type)).toEqual(effects);
    expect(result).toMatchObject({ ok: true, state: { csat: 'answered' } });
  });

  it.each([0, 6, 2.5])('refuses a CSAT score of %s', (score) => {
    const awaiting = { ...buildCaseIn('resolved'), csat: 'sent' as const };
    expect(transition(awaiting, { ...validEvents.csatAnswered, score } as CaseEvent)).toMatchObject({ ok: false, error: { code: 'invalid_csat_score' } });
  });

  it('takes the reopen window and review threshold from the policy', () => {
    const strict = { ...defaultSlaPolicy, reopenWindowMs: dayMs / 2 };
    expect(transition(buildCaseIn('resolved'), validEvents.reopen, strict)).toMatchObject({ ok: false, error: { code: 'reopen_window_expired' } });
  });

  it('starts a new case as new, or assigned when created with a handler', () => {
    expect(createCaseState({ priority: 'P2' }).status).toBe('new');
    expect(createCaseState({ priority: 'P2', assignee: 'ana' }).status).toBe('assigned');
  });
});
