import { listAgentCandidates } from '../../db/agent-repository.js';
import { findCaseAssignment, findWorkflowId, listWaitingCaseIds, lockCase, saveCaseAssignment } from '../../db/case-assignment-repository.js';
import type { Db } from '../../db/client.js';
import { findRoutingDecisionById, updateRoutingDecision } from '../../db/routing-repository.js';
import type { DispatchedCase, DispatchWaitingCasesInput } from './assignment-types.js';
import { reserveBestAgent } from './reserve-best-agent.js';
import { runAssignmentTransaction } from './run-assignment-transaction.js';

const defaultDispatchLimit = 100;

/**
 * Assigns cases waiting for manual scheduling now that capacity may have freed up (a handler came
 * online, a case was resolved): most urgent first, then the longest waiting. Each case is its own
 * transaction; a case another dispatcher is handling right now is skipped (SKIP LOCKED). The
 * waiting case's routing decision becomes "assigned", its reasons extended with the dispatch.
 * Returns who got which case, for the caller to signal those cases' workflows.
 */
export async function dispatchWaitingCases(db: Db, input: DispatchWaitingCasesInput = {}): Promise<DispatchedCase[]> {
  const now = input.now ? new Date(input.now) : new Date();
  const caseIds = await listWaitingCaseIds(db, { queueCode: input.queueCode, limit: input.limit ?? defaultDispatchLimit });
  const dispatched: DispatchedCase[] = [];
  for (const caseId of caseIds) {
    const result = await dispatchOneCase(db, caseId, now);
    if (result) dispatched.push(result);
  }
  return dispatched;
}

async function dispatchOneCase(db: Db, caseId: string, now: Date): Promise<DispatchedCase | null> {
  return runAssignmentTransaction(db, async (tx) => {
    if (!(await lockCase(tx, caseId, { skipLocked: true }))) return null;
    const waiting = await findCaseAssignment(tx, caseId);
    if (!waiting?.waitingSince) return null;
    const candidates = await listAgentCandidates(tx, waiting.queueCode, now);
    const request = {
      requiredSkills: waiting.requiredSkills,
      requiredLanguage: waiting.requiredLanguage,
      isSeniorRequired: waiting.isSeniorRequired,
      priority: waiting.priority,
      now,
    };
    const choice = await reserveBestAgent(tx, candidates, request, now);
    if (choice.agentId === null) return null;
    const decision = waiting.routingDecisionId ? await findRoutingDecisionById(tx, waiting.routingDecisionId) : null;
    const waitedMinutes = Math.round((now.getTime() - waiting.waitingSince.getTime()) / 60_000);
    const dispatchReason = `dispatched at ${now.toISOString()} after ${waitedMinutes} min of manual scheduling: ${choice.reasons.join('; ')}`;
    if (decision) {
      await updateRoutingDecision(tx, decision.routingDecisionId, {
        outcome: 'assigned',
        agentId: choice.agentId,
        loadPoints: choice.loadPoints,
        candidates: choice.candidates,
        reasons: [...decision.reasons, dispatchReason],
      });
    }
    await saveCaseAssignment(tx, { ...waiting, agentId: choice.agentId, loadPoints: choice.loadPoints, waitingSince: null, assignedAt: now });
    const agentName = choice.candidates.find((candidate) => candidate.agentId === choice.agentId)?.displayName ?? '';
    return {
      caseId,
      workflowId: await findWorkflowId(tx, caseId),
      agentId: choice.agentId,
      agentName,
      queueCode: waiting.queueCode,
      priority: waiting.priority,
      routingDecisionId: waiting.routingDecisionId ?? '',
    };
  });
}
