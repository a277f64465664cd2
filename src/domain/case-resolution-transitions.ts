import { isBlank, isOpenStatus, refuseTransition, type CaseEventHandler } from './case-event.js';
import { isOneOf, resolutionCategories, resolutionCategoryLabels } from './case-vocabulary.js';
import { refuse } from './errors.js';

/** Resolution needs one of the six categories and notes (criterion D); the clocks stop, CSAT is scheduled. */
export const resolve: CaseEventHandler<'resolve'> = (state, event) => {
  if (!isOpenStatus(state.status)) return refuseTransition(state, event);
  if (isBlank(event.category)) {
    return refuse('resolution_category_required', 'choose a resolution category', { field: 'category' });
  }
  if (!isOneOf(resolutionCategories, event.category)) {
    return refuse('unknown_resolution_category', `unknown resolution category ${String(event.category)}; expected one of: ${Object.values(resolutionCategoryLabels).join(', ')}`, {
      field: 'category',
    });
  }
  if (isBlank(event.notes)) return refuse('resolution_notes_required', 'resolution notes are required', { field: 'notes' });
  const notes = (event.notes ?? '').trim();
  // One survey per case: a survey already sent or answered for an earlier resolution is not repeated.
  const isSurveyDue = state.csat === 'none' || state.csat === 'cancelled';
  return {
    ok: true,
    state: {
      ...state,
      status: 'resolved',
      statusBeforeEscalation: null,
      statusBeforePause: null,
      firstRespondedAt: state.firstRespondedAt ?? event.at,
      resolution: { category: event.category, notes, resolvedAt: event.at, resolvedBy: event.actor },
      lastResolvedAt: event.at,
      csat: isSurveyDue ? 'scheduled' : state.csat,
    },
    effects: [
      { type: 'stopClocks' },
      { type: 'recordResolution', category: event.category, notes },
      { type: 'notify', audience: 'customer', topic: 'case_resolved' },
      ...(isSurveyDue ? [{ type: 'scheduleCsat' } as const] : []),
    ],
  };
};

/** Reopen within the policy's window after the last resolution; the resolution clock carries on. */
export const reopen: CaseEventHandler<'reopen'> = (state, event, rules) => {
  if (state.status !== 'resolved' && state.status !== 'closed') return refuseTransition(state, event);
  if (isBlank(event.reason)) return refuse('reason_required', 'a reopen needs a reason', { field: 'reason' });
  const resolvedAt = state.lastResolvedAt ?? event.at;
  if (event.at - resolvedAt > rules.reopenWindowMs) {
    return refuse('reopen_window_expired', `the case can be reopened up to ${rules.reopenWindowMs / 86_400_000} days after resolution`, {
      resolvedAt,
    });
  }
  const isSurveyPending = state.csat === 'scheduled';
  return {
    ok: true,
    state: {
      ...state,
      status: state.assignee === null ? 'new' : 'in_progress',
      resolution: null,
      csat: isSurveyPending ? 'cancelled' : state.csat,
      reopenCount: state.reopenCount + 1,
    },
    effects: [
      ...(isSurveyPending ? [{ type: 'cancelCsat' } as const] : []),
      { type: 'reopenClock', clock: 'resolution' },
      { type: 'notify', audience: 'assignee', topic: 'case_reopened', ...(state.assignee ? { recipient: state.assignee } : {}) },
    ],
  };
};

/** A resolved case closes (the workflow closes it when the survey window ends). */
export const close: CaseEventHandler<'close'> = (state, event) => {
  if (state.status !== 'resolved') return refuseTransition(state, event);
  return { ok: true, state: { ...state, status: 'closed' }, effects: [] };
};

/** The survey went out (the workflow's timer fired after `csat.sendAfterMs`). */
export const csatSent: CaseEventHandler<'csatSent'> = (state) => {
  if (state.csat !== 'scheduled') return refuse('csat_not_open', `no survey is scheduled (survey ${state.csat})`, { csat: state.csat });
  return { ok: true, state: { ...state, csat: 'sent' }, effects: [] };
};

/** A survey answer (criterion H): 1–5, resolved Y/N, comment; a low score opens a supervisor review. */
export const csatAnswered: CaseEventHandler<'csatAnswered'> = (state, event, rules) => {
  if (state.csat !== 'sent') return refuse('csat_not_open', `no survey is awaiting an answer (survey ${state.csat})`, { csat: state.csat });
  // The case closes when the answer window ends, so a closed case takes no more answers.
  if (state.status === 'closed') return refuse('csat_not_open', 'the survey window has closed', { status: state.status });
  if (!Number.isInteger(event.score) || event.score < 1 || event.score > 5) {
    return refuse('invalid_csat_score', `the score must be a whole number from 1 to 5, got ${event.score}`, { field: 'score' });
  }
  const isLow = event.score < rules.csat.reviewBelowScore;
  return {
    ok: true,
    state: { ...state, csat: 'answered' },
    effects: [
      { type: 'recordCsat', score: event.score, isResolved: event.isResolved, comment: event.comment ?? '' },
      ...(isLow
        ? [
            { type: 'openSupervisorReview', reason: `CSAT score ${event.score} below ${rules.csat.reviewBelowScore}` } as const,
            { type: 'notify', audience: 'supervisor', topic: 'csat_low_score' } as const,
          ]
        : []),
    ],
  };
};
