import { casePriorityLabels, resolutionCategoryLabels, type CasePriority, type ResolutionCategory } from '../domain/case-vocabulary.js';
import type { TimelineData } from './case-types.js';
import { humanizeCode } from './format-time.js';

/** One event of the case log as the timeline API returns it. */
export type DescribableEvent = Pick<TimelineData['events'][number], 'type' | 'payload'>;

/** Looks up a display name: `agent:<id>`, `user:<id>`, `customer:<id>`, `queue:<code>`; unknown keys come back as given. */
export type NameLookup = (key: string) => string;

/** The lookup over names found ahead (`findActorNames`); keys it lacks come back as given. */
export const lookUpIn =
  (names: ReadonlyMap<string, string> | undefined): NameLookup =>
  (key) =>
    names?.get(key) ?? key;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

const priorityLabel = (value: unknown): string => {
  const code = text(value);
  return code && code in casePriorityLabels ? `${code} (${casePriorityLabels[code as CasePriority]})` : (code ?? 'unknown');
};

const clockLabels: Readonly<Record<string, string>> = { firstResponse: 'first response', resolution: 'resolution' };
const clockLabel = (value: unknown): string => {
  const clock = text(value);
  return clock ? (clockLabels[clock] ?? humanizeCode(clock)) : 'SLA';
};

const withReason = (sentence: string, payload: Record<string, unknown>): string => {
  const reason = text(payload.reason);
  return reason ? `${sentence} · Reason: ${reason}` : sentence;
};

const readObject = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** Agent ids an event's payload names (assignee, transfer target, routed agent, a refused target). */
function listNamedAgents(payload: Record<string, unknown> | null | undefined): string[] {
  if (!payload) return [];
  const refused = readObject(payload.event);
  return [payload.assignee, payload.toAssignee, payload.agentId, refused.assignee, refused.toAssignee].map(text).filter((id): id is string => id !== null);
}

/** Queue codes an event's payload names (routed to, waiting in, transferred to). */
function listNamedQueues(payload: Record<string, unknown> | null | undefined): string[] {
  if (!payload) return [];
  return [payload.queueCode, payload.toQueue].map(text).filter((code): code is string => code !== null);
}

/** Every name a timeline shows: event actors, note authors, and the agents and queues events name. */
export function listTimelineNameKeys(timeline: Pick<TimelineData, 'events' | 'notes'>): string[] {
  return [
    ...timeline.events.map((event) => event.actor ?? ''),
    ...timeline.notes.map((note) => note.authorName),
    ...timeline.events.flatMap((event) => listNamedAgents(event.payload).map((id) => `agent:${id}`)),
    ...timeline.events.flatMap((event) => listNamedQueues(event.payload).map((code) => `queue:${code}`)),
  ];
}

/** A queue's name, or its code in words when the queue is not on file. */
export function nameQueue(code: string | null | undefined, nameOf: NameLookup): string {
  if (!code) return '—';
  const name = nameOf(`queue:${code}`);
  return name === `queue:${code}` ? humanizeCode(code) : name;
}

/**
 * The timeline's one-line description of an event, in words a CSR reads: who it went to, what
 * changed and why. Types without a sentence of their own fall back to their name and reason.
 */
export function describeCaseEvent(event: DescribableEvent, nameOf: NameLookup): string {
  const payload = event.payload ?? {};
  const agent = (value: unknown): string => {
    const id = text(value);
    if (!id) return 'nobody';
    const name = nameOf(`agent:${id}`);
    // An agent no longer on file: a short id rather than the lookup key.
    return name === `agent:${id}` ? `agent ${id.slice(0, 8)}` : name;
  };
  switch (event.type) {
    case 'assigned':
      return `Assigned to ${agent(payload.assignee)}`;
    case 'transferred': {
      const targets = [text(payload.toQueue) ? `queue ${nameQueue(text(payload.toQueue), nameOf)}` : null, text(payload.toAssignee) ? agent(payload.toAssignee) : null].filter(Boolean);
      return withReason(`Transferred to ${targets.join(', ') || 'another handler'}`, payload);
    }
    // The handler routing picked is the next event's ("Assigned to …", or the refusal and its reason).
    case 'routed':
      return `Routed to queue ${nameQueue(text(payload.queueCode), nameOf)}`;
    case 'awaiting_assignment':
      return `Waiting in queue ${nameQueue(text(payload.queueCode), nameOf)} for a handler`;
    case 'priority_changed':
      return withReason(`Priority changed to ${priorityLabel(payload.priority)}`, payload);
    case 'escalated':
      return withReason('Escalated to Pending Manager Review', payload);
    case 'de_escalated':
      return withReason('Escalation rolled back', payload);
    case 'paused':
      return withReason('Paused: pending customer (SLA clocks stopped)', payload);
    case 'resumed':
      return 'Resumed (SLA clocks running)';
    case 'resolved': {
      const category = text(payload.category);
      const label = category && category in resolutionCategoryLabels ? resolutionCategoryLabels[category as ResolutionCategory] : humanizeCode(category ?? 'unknown');
      return `Resolution: ${label}`;
    }
    case 'reopened':
      return withReason('Reopened', payload);
    case 'sla_warning':
      return `SLA warning: ${clockLabel(payload.clock)} at ${typeof payload.threshold === 'number' ? Math.round(payload.threshold * 100) : '?'} % of its target`;
    case 'sla_breached':
      return `SLA breached: ${clockLabel(payload.clock)}`;
    case 'signal_rejected': {
      const refused = readObject(payload.event);
      const target = text(refused.assignee) ?? text(refused.toAssignee);
      const error = text(readObject(payload.error).message);
      return `Refused ${humanizeCode(text(refused.type) ?? 'action')}${target ? ` to ${agent(target)}` : ''}: ${error ?? 'no reason recorded'}`;
    }
    case 'csat_answered':
      return `Survey answered: ${typeof payload.score === 'number' ? `${payload.score} of 5` : 'no score'}`;
    default:
      return withReason(humanizeCode(event.type), payload);
  }
}
