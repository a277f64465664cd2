import type { CaseDetail, CaseSummary, TimelineEntry, CaseNoteEntry } from '../../db/case-repository.js';
import type { Principal } from '../auth/principal.js';
import { maskPii } from '../domain/pii.js';

const toIsoOrNull = (instant: Date | null): string | null => (instant === null ? null : instant.toISOString());

/**
 * A case summary as the caller may see it: customer contact data masked by role. Built field by
 * field rather than by spreading the row: a list page presents 50 of them per request.
 */
export function presentCaseSummary(principal: Principal, summary: CaseSummary) {
  return {
    caseId: summary.caseId,
    caseNumber: summary.caseNumber,
    workflowId: summary.workflowId,
    customerId: summary.customerId,
    customerName: summary.customerName,
    customerPhone: maskPii(principal.role, 'phone', summary.customerPhone),
    customerEmail: maskPii(principal.role, 'email', summary.customerEmail),
    channel: summary.channel,
    caseType: summary.caseType,
    subject: summary.subject,
    priority: summary.priority,
    status: summary.status,
    queue: summary.queue,
    assigneeAgentId: summary.assigneeAgentId,
    assigneeName: summary.assigneeName,
    slaState: summary.slaState,
    responseDueAt: toIsoOrNull(summary.responseDueAt),
    resolutionDueAt: toIsoOrNull(summary.resolutionDueAt),
    nextDeadlineAt: toIsoOrNull(summary.nextDeadlineAt),
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
    lastEventSequence: summary.lastEventSequence,
  };
}

export function presentCaseDetail(principal: Principal, detail: CaseDetail) {
  return {
    ...detail,
    ...presentCaseSummary(principal, detail),
    escalatedAt: detail.escalatedAt?.toISOString() ?? null,
    resolvedAt: detail.resolvedAt?.toISOString() ?? null,
    closedAt: detail.closedAt?.toISOString() ?? null,
    clocks: detail.clocks.map((clock) => ({
      ...clock,
      dueAt: clock.dueAt?.toISOString() ?? null,
      pausedAt: clock.pausedAt?.toISOString() ?? null,
      stoppedAt: clock.stoppedAt?.toISOString() ?? null,
      breachedAt: clock.breachedAt?.toISOString() ?? null,
    })),
  };
}

// What a customer may see of the audit trail: progress, not who inside did what or why.
// Names as the case workflow logs them (workflows/case-loop.ts).
const customerVisibleEventTypes = new Set(['case_created', 'work_started', 'paused', 'resumed', 'customer_replied', 'resolved', 'reopened', 'closed', 'csat_sent', 'csat_answered']);

/** The timeline as the caller may see it; customers get customer-visible notes and progress events only. */
export function presentTimeline(principal: Principal, events: TimelineEntry[], notes: CaseNoteEntry[]) {
  const isCustomer = principal.role === 'customer';
  const visibleEvents = isCustomer
    ? events.filter((event) => customerVisibleEventTypes.has(event.type)).map(({ sequence, type, occurredAt }) => ({ sequence, type, occurredAt: occurredAt.toISOString() }))
    : events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() }));
  const visibleNotes = notes
    .filter((note) => !isCustomer || note.visibility === 'customer_visible')
    .map((note) => ({ ...note, createdAt: note.createdAt.toISOString() }));
  return { events: visibleEvents, notes: visibleNotes };
}
