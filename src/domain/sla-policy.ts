import { type CasePriority, type CaseType, type CustomerSegment } from './case-vocabulary.js';
import { refuse, type DomainResult } from './errors.js';
import { slaClockKinds, type SlaClockKind, type SlaSpan, type SlaTarget } from './sla-clock.js';

/**
 * One row of a policy's target table. Each field of `match` left out matches anything. A rule may
 * set only one of the two targets (a VIP rule that only shortens the first response).
 */
export interface SlaRule {
  ruleId: string;
  match: { caseType?: CaseType; priority?: CasePriority; segment?: CustomerSegment };
  firstResponse?: SlaSpan;
  resolution?: SlaSpan;
}

/**
 * A versioned SLA policy as data. Targets resolve per clock by the first matching rule in
 * `rules` order (like firewall rules: specific rows first, a catch-all `{}` row last), which keeps
 * the table readable and every outcome explainable by one rule id. A case records
 * `policyId`/`version` and keeps them until an admin re-applies a newer version.
 */
export interface SlaPolicy {
  policyId: string;
  version: number;
  name: string;
  /** Fractions of a target at which the handler is warned. */
  warningThresholds: readonly number[];
  rules: readonly SlaRule[];
  /** A customer-marked urgent case replaces both targets with these (lending story: 2 h). */
  urgent: { firstResponse: SlaSpan; resolution: SlaSpan };
  /** Formal complaint compliance (criterion C): escalation day and resolution deadline, business days. */
  complaint: { complianceEscalationBusinessDay: number; resolutionBusinessDays: number };
  csat: { sendAfterMs: number; answerWindowMs: number; minIntervalPerCustomerMs: number; reviewBelowScore: number };
  /** How long after resolution a case may be reopened. */
  reopenWindowMs: number;
}

/** What a case is, as far as its SLA goes. */
export interface SlaSubject {
  caseType: CaseType;
  priority: CasePriority;
  segment: CustomerSegment;
  isUrgent: boolean;
}

/** Targets for both clocks, with the policy version and the rule that decided each. */
export interface ResolvedSlaTargets {
  policyId: string;
  policyVersion: number;
  targets: Record<SlaClockKind, SlaTarget>;
  /** Rule id per clock; `urgent` when the urgent override applied. */
  matchedRuleIds: Record<SlaClockKind, string>;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const businessHours = (amount: number): SlaSpan => ({ amount, unit: 'hours', mode: 'business' });
const businessMinutes = (amount: number): SlaSpan => ({ amount, unit: 'minutes', mode: 'business' });

/**
 * The lending story's defaults (US-LMS-016 business rule 1), all in business time of the case's
 * region calendar. Resolution: information request 24 h, payment issue 4 h, dispute 48 h, formal
 * complaint 15 business days, urgent 2 h. Our choices where it is silent: first response 4 h
 * (information request, dispute), 1 h (payment issue), 8 h = one business day (complaint
 * acknowledgement), 30 min (urgent); P1 critical tightens any type to 15 min / 4 h; VIP and
 * institutional customers get a first response within 30 min / 1 h; P2–P4 keep the type's targets.
 */
export const defaultSlaPolicy: SlaPolicy = {
  policyId: 'default',
  version: 1,
  name: 'Lending customer service defaults',
  warningThresholds: [0.75, 0.9],
  rules: [
    { ruleId: 'p1-critical', match: { priority: 'P1' }, firstResponse: businessMinutes(15), resolution: businessHours(4) },
    { ruleId: 'vip-first-response', match: { segment: 'vip' }, firstResponse: businessMinutes(30) },
    { ruleId: 'institutional-first-response', match: { segment: 'institutional' }, firstResponse: businessHours(1) },
    { ruleId: 'information-request', match: { caseType: 'information_request' }, firstResponse: businessHours(4), resolution: businessHours(24) },
    { ruleId: 'payment-issue', match: { caseType: 'payment_issue' }, firstResponse: businessHours(1), resolution: businessHours(4) },
    { ruleId: 'dispute', match: { caseType: 'dispute' }, firstResponse: businessHours(4), resolution: businessHours(48) },
    {
      ruleId: 'formal-complaint',
      match: { caseType: 'complaint' },
      firstResponse: businessHours(8),
      resolution: { amount: 15, unit: 'days', mode: 'business' },
    },
    { ruleId: 'fallback', match: {}, firstResponse: businessHours(4), resolution: businessHours(24) },
  ],
  urgent: { firstResponse: businessMinutes(30), resolution: businessHours(2) },
  complaint: { complianceEscalationBusinessDay: 10, resolutionBusinessDays: 15 },
  csat: { sendAfterMs: dayMs, answerWindowMs: 7 * dayMs, minIntervalPerCustomerMs: 7 * dayMs, reviewBelowScore: 3 },
  reopenWindowMs: 30 * dayMs,
};

function matches(rule: SlaRule, subject: SlaSubject): boolean {
  const { caseType, priority, segment } = rule.match;
  return (
    (caseType === undefined || caseType === subject.caseType) &&
    (priority === undefined || priority === subject.priority) &&
    (segment === undefined || segment === subject.segment)
  );
}

/**
 * Picks both SLA targets for a case: for each clock the first rule in policy order that matches
 * and sets that clock; a customer-marked urgent case takes the policy's urgent targets instead.
 * Refuses with `no_matching_sla_rule` when a policy lacks a catch-all and nothing matches.
 */
export function resolveSlaTargets(policy: SlaPolicy, subject: SlaSubject): DomainResult<ResolvedSlaTargets> {
  const targets = {} as Record<SlaClockKind, SlaTarget>;
  const matchedRuleIds = {} as Record<SlaClockKind, string>;
  for (const kind of slaClockKinds) {
    const rule = policy.rules.find((candidate) => candidate[kind] !== undefined && matches(candidate, subject));
    const span = subject.isUrgent ? policy.urgent[kind] : rule?.[kind];
    if (span === undefined) {
      return refuse('no_matching_sla_rule', `policy ${policy.policyId} v${policy.version} has no ${kind} target for this case`, {
        caseType: subject.caseType,
        priority: subject.priority,
        segment: subject.segment,
      });
    }
    targets[kind] = { span, warningThresholds: policy.warningThresholds };
    matchedRuleIds[kind] = subject.isUrgent ? 'urgent' : (rule?.ruleId ?? 'urgent');
  }
  return { ok: true, policyId: policy.policyId, policyVersion: policy.version, targets, matchedRuleIds };
}

function isValidSpan(span: SlaSpan | undefined): boolean {
  if (span === undefined) return true;
  return span.amount > 0 && Number.isFinite(span.amount) && (span.unit !== 'days' || Number.isInteger(span.amount));
}

/** Checks a policy coming from data: spans positive (days whole), thresholds in (0, 1), a catch-all rule. */
export function validateSlaPolicy(policy: SlaPolicy): DomainResult<{ policy: SlaPolicy }> {
  const badRule = policy.rules.find((rule) => !isValidSpan(rule.firstResponse) || !isValidSpan(rule.resolution));
  if (badRule) return refuse('invalid_sla_policy', `rule ${badRule.ruleId} has a span that is not positive`, { ruleId: badRule.ruleId });
  if (!isValidSpan(policy.urgent.firstResponse) || !isValidSpan(policy.urgent.resolution)) {
    return refuse('invalid_sla_policy', 'urgent targets must be positive', { field: 'urgent' });
  }
  if (policy.warningThresholds.some((fraction) => !(fraction > 0 && fraction < 1))) {
    return refuse('invalid_sla_policy', 'warning thresholds must lie strictly between 0 and 1', { field: 'warningThresholds' });
  }
  const hasCatchAll = slaClockKinds.every((kind) =>
    policy.rules.some((rule) => rule[kind] !== undefined && Object.values(rule.match).every((value) => value === undefined)),
  );
  if (!hasCatchAll) return refuse('invalid_sla_policy', 'the policy needs a catch-all rule (match {}) for both clocks', { field: 'rules' });
  const { complianceEscalationBusinessDay: escalationDay, resolutionBusinessDays: resolutionDays } = policy.complaint;
  if (!Number.isInteger(escalationDay) || !Number.isInteger(resolutionDays) || escalationDay < 1 || escalationDay >= resolutionDays) {
    return refuse('invalid_sla_policy', 'the compliance escalation day must be a whole day before the resolution deadline', { field: 'complaint' });
  }
  return { ok: true, policy };
}
