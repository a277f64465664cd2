import { reserveAgentCapacity, tryReserveAgentCapacity, type DbOrTx } from '../../db/agent-repository.js';
import type { StoredRoutingDecision } from '../../db/routing-repository.js';
import { chooseAgent, type AgentCandidate, type AgentChoice, type AssignmentRequest, type CandidateVerdict } from '../../src/domain/agent-selection.js';
import type { AssignCaseResult } from './assignment-types.js';

/**
 * Chooses the best handler and reserves their capacity inside the caller's transaction. The
 * candidate list is a snapshot, so the reservation is what decides:
 * - a handler whose row another assignment holds right now is skipped for the next best (SKIP
 *   LOCKED), so a burst of cases spreads over the qualified handlers instead of queueing on one;
 * - a handler who ran out of room meanwhile is excluded and the next best tried;
 * - when every qualified handler was held by concurrent assignments, it waits for them in rank
 *   order, so a burst never sends a case to manual scheduling while capacity exists.
 */
export async function reserveBestAgent(tx: DbOrTx, candidates: readonly AgentCandidate[], request: AssignmentRequest, at: Date): Promise<AgentChoice> {
  let pool = [...candidates];
  const skipped: CandidateVerdict[] = [];
  const busy: AgentCandidate[] = [];
  for (;;) {
    const choice = chooseAgent(pool, request);
    if (choice.agentId === null) return busy.length > 0 ? waitForBusyAgents(tx, busy, request, at, [...choice.candidates, ...skipped]) : { ...choice, candidates: [...choice.candidates, ...skipped] };
    const chosen = pool.find((candidate) => candidate.agentId === choice.agentId)!;
    const attempt = await tryReserveAgentCapacity(tx, chosen.agentId, choice.loadPoints, at);
    if (attempt === 'reserved') return { ...choice, candidates: [...choice.candidates, ...skipped] };
    if (attempt === 'locked') busy.push(chosen);
    const reason = attempt === 'locked' ? 'busy: another case was being assigned to them at the same moment' : ranOutReason;
    skipped.push({ agentId: chosen.agentId, displayName: chosen.displayName, status: 'excluded', reasons: [reason] });
    pool = pool.filter((candidate) => candidate.agentId !== chosen.agentId);
  }
}

const ranOutReason = 'ran out of capacity (or went offline) while this case was being assigned';

async function waitForBusyAgents(
  tx: DbOrTx,
  busy: readonly AgentCandidate[],
  request: AssignmentRequest,
  at: Date,
  otherVerdicts: readonly CandidateVerdict[],
): Promise<AgentChoice> {
  const ranking = chooseAgent(busy, request);
  const busyIds = new Set(busy.map((candidate) => candidate.agentId));
  const others = otherVerdicts.filter((verdict) => !busyIds.has(verdict.agentId));
  const lost: CandidateVerdict[] = [];
  for (const verdict of ranking.candidates) {
    if (verdict.status !== 'ranked') continue;
    if (await reserveAgentCapacity(tx, verdict.agentId, ranking.loadPoints, at, { requireOnline: true })) {
      const reasons = [`every qualified handler was being assigned another case at that moment; waited for ${verdict.displayName}`, ...ranking.reasons];
      const lostIds = new Set(lost.map((candidate) => candidate.agentId));
      const ranked = ranking.candidates.filter((candidate) => candidate.agentId !== verdict.agentId && !lostIds.has(candidate.agentId));
      return { agentId: verdict.agentId, loadPoints: ranking.loadPoints, candidates: [verdict, ...ranked, ...others, ...lost], reasons };
    }
    lost.push({ agentId: verdict.agentId, displayName: verdict.displayName, status: 'excluded', reasons: [ranOutReason] });
  }
  return {
    agentId: null,
    loadPoints: ranking.loadPoints,
    candidates: [...others, ...lost],
    reasons: [`no qualified handler with room after concurrent assignments: unassigned — manual scheduling`],
  };
}

/** The activity's answer, built from the stored decision alone so that a retry returns the same. */
export function toAssignCaseResult(decision: StoredRoutingDecision): AssignCaseResult {
  const chosen = decision.candidates.find((candidate) => candidate.agentId === decision.agentId);
  return {
    caseId: decision.caseId,
    eventSequence: decision.eventSequence,
    outcome: decision.outcome,
    agentId: decision.agentId,
    agentName: chosen?.displayName ?? null,
    queueCode: decision.queueCode,
    priority: decision.priority,
    loadPoints: decision.loadPoints,
    requiredSkills: decision.requiredSkills,
    isSeniorRequired: decision.isSeniorRequired,
    matchedRuleCodes: decision.matchedRuleCodes,
    reasons: decision.reasons,
    candidates: decision.candidates,
    routingDecisionId: decision.routingDecisionId,
    decidedAt: decision.decidedAt.toISOString(),
  };
}
