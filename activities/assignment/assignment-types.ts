import type { CandidateVerdict } from '../../src/domain/agent-selection.js';
import type { CasePriority } from '../../src/domain/case-vocabulary.js';
import type { CaseFacts, RequiredSkill } from '../../src/domain/routing.js';

// Inputs and results of the assignment activities are plain JSON (instants as ISO strings), so
// they cross Temporal's data converter unchanged.

export interface AssignCaseInput {
  caseId: string;
  /** The case event that asked for routing; (caseId, eventSequence) makes a retry return the same result. */
  eventSequence: number;
  facts: CaseFacts;
  /** When the decision is made (workflow time, ISO 8601); defaults to the activity's clock. */
  decidedAt?: string;
  /** A transfer to a queue: route within this queue instead of the rules' queue. */
  queueCode?: string;
}

export interface AssignCaseResult {
  caseId: string;
  eventSequence: number;
  outcome: 'assigned' | 'manual_scheduling';
  agentId: string | null;
  agentName: string | null;
  queueCode: string | null;
  /** The priority after rule adjustments; the workflow adopts it. */
  priority: CasePriority;
  loadPoints: number;
  requiredSkills: RequiredSkill[];
  isSeniorRequired: boolean;
  matchedRuleCodes: string[];
  /** Matched rules with their conditions, then the choice of handler, in sentences. */
  reasons: string[];
  /** Every handler considered: excluded with why, or ranked. */
  candidates: CandidateVerdict[];
  routingDecisionId: string;
  decidedAt: string;
}

export interface ReleaseAssignmentInput {
  caseId: string;
  /** Resolved, transferred, closed … recorded nowhere but the log; the event log holds the case's own reason. */
  reason: string;
  releasedAt?: string;
}

export interface ReleaseAssignmentResult {
  caseId: string;
  isReleased: boolean;
  agentId: string | null;
  loadPoints: number;
}

export interface DispatchWaitingCasesInput {
  /** Only this queue's waiting cases; all queues when absent. */
  queueCode?: string | null;
  now?: string;
  /** At most this many cases per call (default 100). */
  limit?: number;
}

export interface DispatchedCase {
  caseId: string;
  /** The case's workflow (`case-<number>`), for the caller to signal. */
  workflowId: string;
  agentId: string;
  agentName: string;
  queueCode: string | null;
  priority: CasePriority;
  routingDecisionId: string;
}

export interface ReassignCasesInput {
  caseIds: string[];
  toAgentId: string;
  reason: string;
  /** 'user:<id>' of the supervisor. */
  actor: string;
  now?: string;
}

export interface ReassignCasesResult {
  reassigned: Array<{ caseId: string; fromAgentId: string | null; toAgentId: string }>;
  /** Cases left where they were, with why (no capacity, missing skill, not open …). */
  refused: Array<{ caseId: string; reasons: string[] }>;
}
