import { isBusinessTime, type BusinessCalendar } from './business-calendar.js';
import type { CasePriority } from './case-vocabulary.js';
import type { RequiredSkill } from './routing.js';
import { toEpochMs, type EpochMs, type Instant } from './zoned-time.js';

/**
 * Load points an open case weighs on its handler's capacity. A critical case takes the attention
 * of three routine ones; P3 and P4 weigh the same because both are routine work.
 */
export const priorityLoadPoints: Readonly<Record<CasePriority, number>> = { P1: 3, P2: 2, P3: 1, P4: 1 };

/** Only `online` handlers receive new cases; away and offline ones keep the cases they hold. */
export const agentAvailabilities = ['online', 'away', 'offline'] as const;
export type AgentAvailability = (typeof agentAvailabilities)[number];

/** A handler as the assignment sees them at one instant. */
export interface AgentCandidate {
  agentId: string;
  displayName: string;
  isSeniorHandler: boolean;
  availability: AgentAvailability;
  capacityPoints: number;
  loadPoints: number;
  /** Skill code → level 1…5. */
  skills: Readonly<Record<string, number>>;
  languages: readonly string[];
  /** The business hours of the handler's region (their shift). */
  calendar: BusinessCalendar;
  /** When they last received a case; null: never (the longest idle of all). */
  lastAssignedAtMs: EpochMs | null;
}

export interface AssignmentRequest {
  requiredSkills: readonly RequiredSkill[];
  /** ISO 639-1; null when any language will do. */
  requiredLanguage: string | null;
  isSeniorRequired: boolean;
  priority: CasePriority;
  now: Instant;
}

export type CandidateVerdict =
  | { agentId: string; displayName: string; status: 'excluded'; reasons: string[] }
  | { agentId: string; displayName: string; status: 'ranked'; rank: number; skillScore: number; loadRatio: number; idleMs: number; reasons: string[] };

export interface AgentChoice {
  /** Null when no candidate qualifies: the case waits for manual scheduling. */
  agentId: string | null;
  loadPoints: number;
  /** Every candidate with why they were excluded or where they ranked, chosen one first. */
  candidates: CandidateVerdict[];
  reasons: string[];
}

/**
 * Why a candidate may not take the case; empty when they qualify. A supervisor's override skips
 * availability and business hours (they may load an away handler on purpose), never skills,
 * language, seniority or capacity.
 */
export function listExclusionReasons(
  candidate: AgentCandidate,
  request: AssignmentRequest,
  loadPoints: number,
  options: { isSupervisorOverride?: boolean; isBusinessTime?: typeof isBusinessTime } = {},
): string[] {
  const reasons: string[] = [];
  if (!options.isSupervisorOverride) {
    if (candidate.availability !== 'online') reasons.push(`is ${candidate.availability}`);
    else if (!(options.isBusinessTime ?? isBusinessTime)(candidate.calendar, request.now)) reasons.push(`is outside the business hours of their region (${candidate.calendar.timeZone})`);
  }
  for (const skill of request.requiredSkills) {
    const level = candidate.skills[skill.skillCode];
    if (level === undefined) reasons.push(`lacks skill ${skill.skillCode}`);
    else if (level < skill.minLevel) reasons.push(`has ${skill.skillCode} at level ${level}, below ${skill.minLevel}`);
  }
  if (request.requiredLanguage !== null && !candidate.languages.includes(request.requiredLanguage)) {
    reasons.push(`does not speak ${request.requiredLanguage}`);
  }
  if (request.isSeniorRequired && !candidate.isSeniorHandler) reasons.push('is not a senior handler');
  if (candidate.loadPoints + loadPoints > candidate.capacityPoints) {
    reasons.push(`has no spare capacity (${candidate.loadPoints}/${candidate.capacityPoints} points, needs ${loadPoints})`);
  }
  return reasons;
}

function scoreSkills(candidate: AgentCandidate, request: AssignmentRequest): number {
  return request.requiredSkills.reduce((sum, skill) => sum + (candidate.skills[skill.skillCode] ?? 0), 0);
}

/**
 * Picks the handler for a case. A candidate qualifies when online, within their region's business
 * hours, holding every required skill at its minimum level, speaking the case's language, senior
 * when required, and with spare capacity for the case's load points (`priorityLoadPoints`).
 * Qualified candidates rank by, in order:
 * 1. best skill match: the highest sum of their levels in the required skills;
 * 2. lowest load: the smallest `loadPoints / capacityPoints` before this case;
 * 3. longest idle: the earliest `lastAssignedAtMs` (never assigned comes first);
 * 4. `agentId` ascending, so that equal candidates always give the same answer.
 */
export function chooseAgent(candidates: readonly AgentCandidate[], request: AssignmentRequest): AgentChoice {
  const loadPoints = priorityLoadPoints[request.priority];
  const nowMs = toEpochMs(request.now);
  const excluded: CandidateVerdict[] = [];
  const qualified: Array<{ candidate: AgentCandidate; skillScore: number; loadRatio: number; idleMs: number }> = [];
  // Handlers of one region share a calendar: answer "is it business time there" once per calendar.
  const openByCalendar = new Map<BusinessCalendar, boolean>();
  const isOpen = (calendar: BusinessCalendar, at: Instant): boolean => {
    const known = openByCalendar.get(calendar);
    if (known !== undefined) return known;
    const open = isBusinessTime(calendar, at);
    openByCalendar.set(calendar, open);
    return open;
  };
  for (const candidate of candidates) {
    const reasons = listExclusionReasons(candidate, request, loadPoints, { isBusinessTime: isOpen });
    if (reasons.length > 0) {
      excluded.push({ agentId: candidate.agentId, displayName: candidate.displayName, status: 'excluded', reasons });
      continue;
    }
    const loadRatio = candidate.capacityPoints > 0 ? candidate.loadPoints / candidate.capacityPoints : 1;
    const idleMs = candidate.lastAssignedAtMs === null ? Number.POSITIVE_INFINITY : nowMs - candidate.lastAssignedAtMs;
    qualified.push({ candidate, skillScore: scoreSkills(candidate, request), loadRatio, idleMs });
  }
  qualified.sort(
    (a, b) =>
      b.skillScore - a.skillScore ||
      a.loadRatio - b.loadRatio ||
      compareIdle(b.idleMs, a.idleMs) ||
      (a.candidate.agentId < b.candidate.agentId ? -1 : a.candidate.agentId > b.candidate.agentId ? 1 : 0),
  );
  const ranked: CandidateVerdict[] = qualified.map((entry, index) => ({
    agentId: entry.candidate.agentId,
    displayName: entry.candidate.displayName,
    status: 'ranked',
    rank: index + 1,
    skillScore: entry.skillScore,
    loadRatio: entry.loadRatio,
    // JSON has no Infinity: "never assigned" is stored as -1.
    idleMs: Number.isFinite(entry.idleMs) ? entry.idleMs : -1,
    reasons: describeRank(entry, index, qualified[0]),
  }));
  const chosen = qualified[0]?.candidate ?? null;
  const reasons = chosen
    ? [`${chosen.displayName} chosen from ${qualified.length} qualified of ${candidates.length} candidates: ${ranked[0]!.reasons.join('; ')}`]
    : [`no qualified handler among ${candidates.length} candidates: unassigned — manual scheduling`];
  return { agentId: chosen?.agentId ?? null, loadPoints, candidates: [...ranked, ...excluded], reasons };
}

function compareIdle(a: number, b: number): number {
  if (a === b) return 0;
  return a > b ? 1 : -1;
}

function describeRank(
  entry: { candidate: AgentCandidate; skillScore: number; loadRatio: number; idleMs: number },
  index: number,
  best: { skillScore: number; loadRatio: number; idleMs: number } | undefined,
): string[] {
  const idle = Number.isFinite(entry.idleMs) ? `idle ${Math.round(entry.idleMs / 1000)} s` : 'never assigned';
  const facts = [`skill score ${entry.skillScore}`, `load ${entry.candidate.loadPoints}/${entry.candidate.capacityPoints}`, idle];
  if (index === 0 || !best) return [`ranked 1st`, ...facts];
  const because =
    entry.skillScore < best.skillScore ? 'weaker skill match' : entry.loadRatio > best.loadRatio ? 'higher load' : entry.idleMs < best.idleMs ? 'idle for less time' : 'agent id tie-break';
  return [`ranked ${index + 1}: ${because}`, ...facts];
}
