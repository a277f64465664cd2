import { describe, expect, it } from 'vitest';
import { describeCaseEvent, listTimelineNameKeys } from '../../src/web/describe-case-event.js';

const agentId = '7d0c2f4e-1b7a-4c2e-9a51-0d7d3b1f9e21';
const names = new Map([[`agent:${agentId}`, 'Li Lei'], ['queue:general_inquiries', 'General Inquiries'], ['queue:disputes', 'Disputes']]);
const nameOf = (key: string): string => names.get(key) ?? key;

describe('describeCaseEvent', () => {
  it.each([
    [{ type: 'assigned', payload: { type: 'assign', assignee: agentId } }, 'Assigned to Li Lei'],
    [{ type: 'assigned', payload: { assignee: '00000000-0000-4000-8000-000000000000' } }, 'Assigned to agent 00000000'],
    [{ type: 'transferred', payload: { toQueue: 'disputes', toAssignee: agentId, reason: 'needs a specialist' } }, 'Transferred to queue Disputes, Li Lei · Reason: needs a specialist'],
    // The handler routing picked is the next event's ("Assigned to Li Lei"), not said twice.
    [{ type: 'routed', payload: { queueCode: 'general_inquiries', agentId } }, 'Routed to queue General Inquiries'],
    // A queue not on file reads as its code in words.
    [{ type: 'awaiting_assignment', payload: { queueCode: 'priority_clients' } }, 'Waiting in queue priority clients for a handler'],
    [{ type: 'priority_changed', payload: { priority: 'P1', reason: 'regulator letter' } }, 'Priority changed to P1 (Critical) · Reason: regulator letter'],
    [{ type: 'escalated', payload: { reason: 'customer asked for a manager' } }, 'Escalated to Pending Manager Review · Reason: customer asked for a manager'],
    [{ type: 'sla_warning', payload: { clock: 'firstResponse', threshold: 0.75 } }, 'SLA warning: first response at 75 % of its target'],
    [{ type: 'sla_breached', payload: { clock: 'resolution' } }, 'SLA breached: resolution'],
    [{ type: 'resolved', payload: { category: 'resolved_adjustment_made' } }, 'Resolution: Resolved - Adjustment Made'],
    [{ type: 'signal_rejected', payload: { event: { type: 'resolve' }, error: { code: 'missing_category', message: 'a resolution category is required' } } }, 'Refused resolve: a resolution category is required'],
    [{ type: 'signal_rejected', payload: { event: { type: 'assign', assignee: agentId }, error: { message: 'the handler cannot take this case: lacks skill payments' } } }, 'Refused assign to Li Lei: the handler cannot take this case: lacks skill payments'],
    [{ type: 'csat_answered', payload: { score: 2 } }, 'Survey answered: 2 of 5'],
    [{ type: 'policy_changed', payload: {} }, 'policy changed'],
    [{ type: 'reopened', payload: { reason: 'still charged twice' } }, 'Reopened · Reason: still charged twice'],
  ])('%j reads "%s"', (event, expected) => {
    expect(describeCaseEvent(event, nameOf)).toBe(expected);
  });

  it('lists every name a timeline needs, agents and queues named in payloads included', () => {
    const keys = listTimelineNameKeys({
      events: [
        { sequence: 1, type: 'assigned', actor: 'user:u1', payload: { assignee: agentId }, occurredAt: '2026-11-23T10:00:00Z' },
        { sequence: 2, type: 'signal_rejected', actor: 'user:u1', payload: { event: { type: 'transfer', toAssignee: 'a2' } }, occurredAt: '2026-11-23T10:01:00Z' },
        { sequence: 3, type: 'transferred', actor: 'user:u1', payload: { toQueue: 'disputes' }, occurredAt: '2026-11-23T10:02:00Z' },
      ],
      notes: [{ authorName: 'user:u2' }] as never,
    });
    expect(keys).toEqual(['user:u1', 'user:u1', 'user:u1', 'user:u2', `agent:${agentId}`, 'agent:a2', 'queue:disputes']);
  });
});
