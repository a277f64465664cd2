import { casePriorities, type CaseChannel, type CaseComplexity, type CasePriority, type CustomerSegment } from './case-vocabulary.js';

/** A skill a handler must have, at `minLevel` (1 basic … 5 expert) or better. */
export interface RequiredSkill {
  skillCode: string;
  minLevel: number;
}

/** Conditions of a rule: every present field must match; an absent field matches anything. */
export interface RoutingConditions {
  caseTypes?: string[];
  channels?: CaseChannel[];
  segments?: CustomerSegment[];
  complexities?: CaseComplexity[];
  priorities?: CasePriority[];
  languages?: string[];
  regions?: string[];
  /** Matches when the case carries at least one of these tags. */
  tagsAny?: string[];
  isUrgent?: boolean;
}

/** A routing rule as admins edit it (the `routing_rules` table). */
export interface RoutingRule {
  code: string;
  name: string;
  position: number;
  conditions: RoutingConditions;
  targetQueueCode: string | null;
  requiredSkills: RequiredSkill[];
  /** Levels to move the priority: -1 raises P3 to P2, +1 lowers it. */
  priorityAdjustment: number;
  requiresSeniorHandler: boolean;
  /** Evaluation stops at this rule once it matches. */
  isFinal: boolean;
  isActive: boolean;
}

/** What routing knows about a case. */
export interface CaseFacts {
  caseType: string;
  channel: CaseChannel;
  segment: CustomerSegment;
  complexity: CaseComplexity;
  priority: CasePriority;
  /** ISO 639-1 language of the customer; the handler must speak it. */
  language: string;
  regionCode: string;
  tags: string[];
  isUrgent: boolean;
  complaintClassification?: 'formal_complaint' | 'inquiry' | 'feedback' | null;
  /** The case type's own defaults, used when no rule says otherwise. */
  caseTypeDefaults?: { queueCode: string | null; requiredSkills: RequiredSkill[]; requiresSeniorHandler: boolean };
}

export interface MatchedRule {
  ruleCode: string;
  ruleName: string;
  /** Why each condition held, e.g. "tag api-integration is one of [api-integration]". */
  reasons: string[];
}

export interface RoutingDecision {
  queueCode: string | null;
  priority: CasePriority;
  requiredSkills: RequiredSkill[];
  requiredLanguage: string;
  isSeniorRequired: boolean;
  matchedRules: MatchedRule[];
  /** The decision in sentences, in the order it was reached. */
  reasons: string[];
}

type ConditionCheck = (conditions: RoutingConditions, facts: CaseFacts) => string | null | undefined;

function checkListed<T extends string>(label: string, allowed: readonly T[] | undefined, value: T): string | null | undefined {
  if (allowed === undefined) return undefined;
  return allowed.includes(value) ? `${label} ${value} is one of [${allowed.join(', ')}]` : null;
}

// Each check returns a reason when the condition holds, null when it fails, undefined when absent.
const conditionChecks: ConditionCheck[] = [
  (c, f) => checkListed('case type', c.caseTypes, f.caseType),
  (c, f) => checkListed('channel', c.channels, f.channel),
  (c, f) => checkListed('segment', c.segments, f.segment),
  (c, f) => checkListed('complexity', c.complexities, f.complexity),
  (c, f) => checkListed('priority', c.priorities, f.priority),
  (c, f) => checkListed('language', c.languages, f.language),
  (c, f) => checkListed('region', c.regions, f.regionCode),
  (c, f) => {
    if (c.tagsAny === undefined) return undefined;
    const tag = f.tags.find((candidate) => c.tagsAny!.includes(candidate));
    return tag === undefined ? null : `tag ${tag} is one of [${c.tagsAny.join(', ')}]`;
  },
  (c, f) => (c.isUrgent === undefined ? undefined : c.isUrgent === f.isUrgent ? `urgent is ${String(f.isUrgent)}` : null),
];

/**
 * Tells whether a rule's conditions hold for a case, with one reason per condition that held.
 * A rule without conditions matches every case ("catch-all").
 */
export function matchRoutingConditions(conditions: RoutingConditions, facts: CaseFacts): { isMatch: boolean; reasons: string[] } {
  const reasons: string[] = [];
  for (const check of conditionChecks) {
    const outcome = check(conditions, facts);
    if (outcome === null) return { isMatch: false, reasons: [] };
    if (outcome !== undefined) reasons.push(outcome);
  }
  return { isMatch: true, reasons: reasons.length > 0 ? reasons : ['no conditions: matches every case'] };
}

/** Moves a priority by `levels` (negative is more urgent), clamped to P1…P4. */
export function adjustPriority(priority: CasePriority, levels: number): CasePriority {
  const index = Math.min(casePriorities.length - 1, Math.max(0, casePriorities.indexOf(priority) + levels));
  return casePriorities[index]!;
}

/** Merges required skills, keeping the highest minimum level per skill. */
function mergeSkills(into: Map<string, number>, skills: readonly RequiredSkill[]): void {
  for (const skill of skills) into.set(skill.skillCode, Math.max(into.get(skill.skillCode) ?? 0, skill.minLevel));
}

/**
 * Applies the routing rules to a case. Active rules run in `position` order; every match adds its
 * required skills (highest level per skill wins), priority adjustment and senior requirement, the
 * first match with a target queue sets the queue, and a matching `isFinal` rule stops evaluation.
 * Without a rule's queue or skills the case type's defaults apply. A senior handler is required
 * when a rule or the case type says so, for formal complaints, and for critical (P1) cases
 * (architecture brief: "senior handler: formal complaints, critical cases").
 */
export function evaluateRoutingRules(rules: readonly RoutingRule[], facts: CaseFacts): RoutingDecision {
  const ordered = rules.filter((rule) => rule.isActive).sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  const matchedRules: MatchedRule[] = [];
  const reasons: string[] = [];
  const skills = new Map<string, number>();
  let queueCode: string | null = null;
  let priorityAdjustment = 0;
  let isSeniorRequired = false;
  for (const rule of ordered) {
    const match = matchRoutingConditions(rule.conditions, facts);
    if (!match.isMatch) continue;
    matchedRules.push({ ruleCode: rule.code, ruleName: rule.name, reasons: match.reasons });
    reasons.push(`rule ${rule.code} ("${rule.name}") matched: ${match.reasons.join('; ')}`);
    if (queueCode === null && rule.targetQueueCode !== null) queueCode = rule.targetQueueCode;
    mergeSkills(skills, rule.requiredSkills);
    priorityAdjustment += rule.priorityAdjustment;
    if (rule.requiresSeniorHandler) {
      isSeniorRequired = true;
      reasons.push(`rule ${rule.code} requires a senior handler`);
    }
    if (rule.isFinal) break;
  }
  const defaults = facts.caseTypeDefaults;
  if (queueCode === null && defaults?.queueCode) {
    queueCode = defaults.queueCode;
    reasons.push(`no rule set a queue: default queue ${queueCode} of case type ${facts.caseType}`);
  }
  if (skills.size === 0 && defaults && defaults.requiredSkills.length > 0) {
    mergeSkills(skills, defaults.requiredSkills);
    reasons.push(`no rule required skills: case type ${facts.caseType} requires ${defaults.requiredSkills.map((s) => s.skillCode).join(', ')}`);
  }
  if (defaults?.requiresSeniorHandler && !isSeniorRequired) {
    isSeniorRequired = true;
    reasons.push(`case type ${facts.caseType} requires a senior handler`);
  }
  const priority = adjustPriority(facts.priority, priorityAdjustment);
  if (priority !== facts.priority) reasons.push(`priority moved from ${facts.priority} to ${priority} by the matched rules`);
  if (facts.complaintClassification === 'formal_complaint' && !isSeniorRequired) {
    isSeniorRequired = true;
    reasons.push('formal complaints go to senior handlers');
  }
  if (priority === 'P1' && !isSeniorRequired) {
    isSeniorRequired = true;
    reasons.push('critical (P1) cases go to senior handlers');
  }
  if (queueCode === null) reasons.push('no queue: every handler may take the case');
  const requiredSkills = [...skills].map(([skillCode, minLevel]) => ({ skillCode, minLevel })).sort((a, b) => a.skillCode.localeCompare(b.skillCode));
  return { queueCode, priority, requiredSkills, requiredLanguage: facts.language, isSeniorRequired, matchedRules, reasons };
}
