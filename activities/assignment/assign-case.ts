import { ApplicationFailure } from '@temporalio/common';
import { listAgentCandidates, releaseAgentCapacity } from '../../db/agent-repository.js';
import type { Db } from '../../db/client.js';
import { findCaseTypeRoutingDefaults, listActiveRoutingRules } from '../../db/routing-repository.js';
import { lockCaseForRouting, saveRoutingOutcome } from '../../db/routing-outcome-repository.js';
import { evaluateRoutingRules } from '../../src/domain/routing.js';
import type { AssignCaseInput, AssignCaseResult } from './assignment-types.js';
import { reserveBestAgent, toAssignCaseResult } from './reserve-best-agent.js';
import { runAssignmentTransaction } from './run-assignment-transaction.js';

/**
 * Routes a case and assigns it to a handler in one transaction: evaluates the routing rules,
 * chooses among the queue's handlers and reserves the chosen one's capacity atomically, then stores
 * the decision with its reasons (`routing_decisions`) and the assignment (`case_assignments`,
 * mirrored on the case row). Without a qualified handler with room the case waits in its queue
 * ("unassigned — manual scheduling") until `dispatchWaitingCases` finds one.
 *
 * Idempotent by (caseId, eventSequence): the case row lock serializes calls for one case, and a
 * call that finds its decision already stored returns it unchanged. A new event for an assigned
 * case (a transfer to a queue) releases the earlier reservation and routes again.
 */
export async function assignCase(db: Db, input: AssignCaseInput): Promise<AssignCaseResult> {
  // Rules and case type are read before the transaction, side by side: they do not depend on the
  // case's lock, and every round trip inside it lengthens the time a handler's row stays locked.
  const [rules, caseTypeDefaults] = await Promise.all([
    listActiveRoutingRules(db),
    input.facts.caseTypeDefaults ? Promise.resolve(input.facts.caseTypeDefaults) : findCaseTypeRoutingDefaults(db, input.facts.caseType),
  ]);
  return runAssignmentTransaction(db, async (tx) => {
    const snapshot = await lockCaseForRouting(tx, input.caseId, input.eventSequence);
    if (!snapshot) throw ApplicationFailure.nonRetryable(`case ${input.caseId} does not exist`, 'case_not_found');
    if (snapshot.decision) return toAssignCaseResult(snapshot.decision);

    const decidedAt = input.decidedAt ? new Date(input.decidedAt) : new Date();
    const routing = evaluateRoutingRules(rules, { ...input.facts, caseTypeDefaults: caseTypeDefaults ?? undefined });
    const queueCode = input.queueCode ?? routing.queueCode;
    const routingReasons = input.queueCode ? [...routing.reasons, `transferred to queue ${input.queueCode}: routed within it`] : routing.reasons;

    const previous = snapshot.assignment;
    if (previous?.agentId) await releaseAgentCapacity(tx, previous.agentId, previous.loadPoints, decidedAt);

    const candidates = await listAgentCandidates(tx, queueCode, decidedAt);
    const request = {
      requiredSkills: routing.requiredSkills,
      requiredLanguage: routing.requiredLanguage,
      isSeniorRequired: routing.isSeniorRequired,
      priority: routing.priority,
      now: decidedAt,
    };
    const choice = await reserveBestAgent(tx, candidates, request, decidedAt);
    const isAssigned = choice.agentId !== null;
    const loadPoints = isAssigned ? choice.loadPoints : 0;
    const decision = await saveRoutingOutcome(
      tx,
      {
        caseId: input.caseId,
        eventSequence: input.eventSequence,
        outcome: isAssigned ? 'assigned' : 'manual_scheduling',
        queueCode,
        agentId: choice.agentId,
        matchedRuleCodes: routing.matchedRules.map((rule) => rule.ruleCode),
        candidates: choice.candidates,
        reasons: [...routingReasons, ...choice.reasons],
        decidedAt,
        priority: routing.priority,
        requiredSkills: routing.requiredSkills,
        isSeniorRequired: routing.isSeniorRequired,
        loadPoints,
      },
      {
        caseId: input.caseId,
        queueCode,
        priority: routing.priority,
        agentId: choice.agentId,
        loadPoints,
        requiredSkills: routing.requiredSkills,
        requiredLanguage: routing.requiredLanguage,
        isSeniorRequired: routing.isSeniorRequired,
        // A case already waiting keeps its place in the line when it is routed again.
        waitingSince: isAssigned ? null : (previous?.waitingSince ?? decidedAt),
        eventSequence: input.eventSequence,
        assignedAt: isAssigned ? decidedAt : null,
      },
    );
    return toAssignCaseResult(decision);
  });
}
