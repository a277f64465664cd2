import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './agent-repository.js';
import { toCaseAssignmentState, type CaseAssignmentState } from './case-assignment-repository.js';
import { toStoredDecision, type StoredRoutingDecision } from './routing-repository.js';
import { caseAssignments, cases, routingDecisions } from './schema.js';

export interface CaseRoutingSnapshot {
  /** The decision already stored for this event (a retried activity), if any. */
  decision: StoredRoutingDecision | null;
  /** The case's current assignment (from an earlier event), if any. */
  assignment: CaseAssignmentState | null;
}

/**
 * Locks the case row (`FOR NO KEY UPDATE`: every assignment change of a case goes through it) and
 * reads its decision for `eventSequence` and its current assignment, in one round trip.
 * Null when the case does not exist.
 */
export async function lockCaseForRouting(db: DbOrTx, caseId: string, eventSequence: number): Promise<CaseRoutingSnapshot | null> {
  const [row] = await db
    .select({ caseId: cases.id, decision: routingDecisions, assignment: caseAssignments })
    .from(cases)
    .leftJoin(routingDecisions, and(eq(routingDecisions.caseId, cases.id), eq(routingDecisions.eventSequence, eventSequence)))
    .leftJoin(caseAssignments, eq(caseAssignments.caseId, cases.id))
    .where(eq(cases.id, caseId))
    .for('no key update', { of: cases });
  if (!row) return null;
  return {
    decision: row.decision ? toStoredDecision(row.decision) : null,
    assignment: row.assignment ? toCaseAssignmentState(row.assignment) : null,
  };
}

// Arrays and JSON travel as one JSON text parameter: drizzle's sql template would spread a JS array
// into a list of parameters.
const asJson = (value: unknown) => JSON.stringify(value);
const asInstant = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Stores a routing decision and the assignment it leads to, and mirrors the assignment on the case
 * row, in one statement (data-modifying CTEs): the fewer round trips while the handler's row is
 * locked, the more assignments per second.
 */
export async function saveRoutingOutcome(
  db: DbOrTx,
  decision: Omit<StoredRoutingDecision, 'routingDecisionId'>,
  assignment: Omit<CaseAssignmentState, 'routingDecisionId'>,
): Promise<StoredRoutingDecision> {
  const rows = await db.execute<{ id: string }>(sql`
    with decision as (
      insert into routing_decisions (case_id, event_sequence, outcome, queue_code, agent_id, matched_rule_codes, candidates, reasons,
                                     decided_at, priority, required_skills, is_senior_required, load_points)
      values (${decision.caseId}, ${decision.eventSequence}, ${decision.outcome}, ${decision.queueCode}, ${decision.agentId},
              array(select jsonb_array_elements_text(${asJson(decision.matchedRuleCodes)}::jsonb)), ${asJson(decision.candidates)}::jsonb,
              ${asJson(decision.reasons)}::jsonb, ${asInstant(decision.decidedAt)}::timestamptz, ${decision.priority}::case_priority,
              ${asJson(decision.requiredSkills)}::jsonb, ${decision.isSeniorRequired}, ${decision.loadPoints})
      returning id
    ), assignment as (
      insert into case_assignments (case_id, queue_code, priority, agent_id, load_points, required_skills, required_language,
                                    is_senior_required, waiting_since, event_sequence, routing_decision_id, assigned_at, updated_at)
      select ${assignment.caseId}, ${assignment.queueCode}, ${assignment.priority}::case_priority, ${assignment.agentId}::uuid, ${assignment.loadPoints},
             ${asJson(assignment.requiredSkills)}::jsonb, ${assignment.requiredLanguage}, ${assignment.isSeniorRequired},
             ${asInstant(assignment.waitingSince)}::timestamptz, ${assignment.eventSequence}, decision.id, ${asInstant(assignment.assignedAt)}::timestamptz, now()
      from decision
      on conflict (case_id) do update set
        queue_code = excluded.queue_code, priority = excluded.priority, agent_id = excluded.agent_id, load_points = excluded.load_points,
        required_skills = excluded.required_skills, required_language = excluded.required_language,
        is_senior_required = excluded.is_senior_required, waiting_since = excluded.waiting_since, event_sequence = excluded.event_sequence,
        routing_decision_id = excluded.routing_decision_id, assigned_at = excluded.assigned_at, updated_at = excluded.updated_at
    ), mirrored as (
      update cases set assignee_agent_id = ${assignment.agentId}::uuid, queue_code = ${assignment.queueCode},
                       awaiting_assignment_since = ${asInstant(assignment.waitingSince)}::timestamptz, updated_at = now()
      where id = ${assignment.caseId}
    )
    select id from decision`);
  return { ...decision, routingDecisionId: rows[0]!.id };
}
