import { findAgentCandidate, releaseAgentCapacity, reserveAgentCapacity } from '../../db/agent-repository.js';
import { listCaseAssignments, lockCase, saveCaseAssignment } from '../../db/case-assignment-repository.js';
import type { Db } from '../../db/client.js';
import { findRoutingDecisionById, updateRoutingDecision } from '../../db/routing-repository.js';
import { listExclusionReasons, priorityLoadPoints } from '../../src/domain/agent-selection.js';
import type { ReassignCasesInput, ReassignCasesResult } from './assignment-types.js';
import { runAssignmentTransaction } from './run-assignment-transaction.js';

/**
 * A supervisor moves one or many open cases to one handler, with a reason. The target must hold
 * each case's required skills, language and seniority, and have room for it: cases are taken most
 * urgent first until the target's capacity is used up, and the rest are refused with why. The
 * target's availability is not checked: a supervisor may load an away handler's queue on purpose.
 * One transaction; cases are locked in id order so two bulk moves cannot deadlock on cases.
 */
export async function reassignCases(db: Db, input: ReassignCasesInput): Promise<ReassignCasesResult> {
  const now = input.now ? new Date(input.now) : new Date();
  return runAssignmentTransaction(db, async (tx) => {
    const result: ReassignCasesResult = { reassigned: [], refused: [] };
    const caseIds = [...new Set(input.caseIds)].sort();
    for (const caseId of caseIds) await lockCase(tx, caseId);
    const assignments = await listCaseAssignments(tx, caseIds);
    const known = new Set(assignments.map((assignment) => assignment.caseId));
    for (const caseId of caseIds) if (!known.has(caseId)) result.refused.push({ caseId, reasons: ['is not an open routed case'] });
    const byUrgency = [...assignments].sort((a, b) => a.priority.localeCompare(b.priority) || a.caseId.localeCompare(b.caseId));
    for (const assignment of byUrgency) {
      if (assignment.agentId === input.toAgentId) {
        result.refused.push({ caseId: assignment.caseId, reasons: ['is already assigned to this handler'] });
        continue;
      }
      const target = await findAgentCandidate(tx, input.toAgentId, now);
      if (!target) {
        result.refused.push({ caseId: assignment.caseId, reasons: [`handler ${input.toAgentId} does not exist or is inactive`] });
        continue;
      }
      const loadPoints = priorityLoadPoints[assignment.priority];
      const request = { requiredSkills: assignment.requiredSkills, requiredLanguage: assignment.requiredLanguage, isSeniorRequired: assignment.isSeniorRequired, priority: assignment.priority, now };
      const reasons = listExclusionReasons(target, request, loadPoints, { isSupervisorOverride: true });
      if (reasons.length > 0 || !(await reserveAgentCapacity(tx, input.toAgentId, loadPoints, now, { requireOnline: false }))) {
        result.refused.push({ caseId: assignment.caseId, reasons: reasons.length > 0 ? reasons : ['target has no spare capacity'] });
        continue;
      }
      if (assignment.agentId) await releaseAgentCapacity(tx, assignment.agentId, assignment.loadPoints, now);
      await saveCaseAssignment(tx, { ...assignment, agentId: input.toAgentId, loadPoints, waitingSince: null, assignedAt: now });
      const decision = assignment.routingDecisionId ? await findRoutingDecisionById(tx, assignment.routingDecisionId) : null;
      if (decision) {
        const line = `reassigned from ${assignment.agentId ?? 'manual scheduling'} to ${target.displayName} by ${input.actor} at ${now.toISOString()}: ${input.reason}`;
        await updateRoutingDecision(tx, decision.routingDecisionId, { outcome: 'assigned', agentId: input.toAgentId, loadPoints, reasons: [...decision.reasons, line] });
      }
      result.reassigned.push({ caseId: assignment.caseId, fromAgentId: assignment.agentId, toAgentId: input.toAgentId });
    }
    return result;
  });
}
