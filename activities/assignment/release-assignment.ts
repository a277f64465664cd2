import { releaseAgentCapacity } from '../../db/agent-repository.js';
import { deleteCaseAssignment, findCaseAssignment, lockCase } from '../../db/case-assignment-repository.js';
import type { Db } from '../../db/client.js';
import type { ReleaseAssignmentInput, ReleaseAssignmentResult } from './assignment-types.js';
import { runAssignmentTransaction } from './run-assignment-transaction.js';

/**
 * Gives the handler back the load points of a case that no longer needs them (resolved, closed,
 * transferred out) and ends its wait if it was waiting. Idempotent: the assignment row goes with
 * the release, so a retry finds nothing to release. The caller then runs `dispatchWaitingCases`
 * for the freed capacity.
 */
export async function releaseAssignment(db: Db, input: ReleaseAssignmentInput): Promise<ReleaseAssignmentResult> {
  return runAssignmentTransaction(db, async (tx) => {
    if (!(await lockCase(tx, input.caseId))) return { caseId: input.caseId, isReleased: false, agentId: null, loadPoints: 0 };
    const assignment = await findCaseAssignment(tx, input.caseId);
    if (!assignment) return { caseId: input.caseId, isReleased: false, agentId: null, loadPoints: 0 };
    const releasedAt = input.releasedAt ? new Date(input.releasedAt) : new Date();
    if (assignment.agentId) await releaseAgentCapacity(tx, assignment.agentId, assignment.loadPoints, releasedAt);
    await deleteCaseAssignment(tx, input.caseId);
    return { caseId: input.caseId, isReleased: true, agentId: assignment.agentId, loadPoints: assignment.loadPoints };
  });
}
