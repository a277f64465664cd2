import { sql } from 'drizzle-orm';
import { toIsoWeeklyHours } from './weekly-hours.js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { AgentAvailability, AgentCandidate } from '../src/domain/agent-selection.js';
import type { BusinessCalendar } from '../src/domain/business-calendar.js';
import type * as schema from './schema.js';
import type { WeeklyBusinessHours } from './schema.js';

/** The database or a transaction on it. */
export type DbOrTx = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

interface CandidateRow extends Record<string, unknown> {
  agent_id: string;
  display_name: string;
  is_senior_handler: boolean;
  availability: AgentAvailability;
  capacity_points: number;
  load_points: number;
  last_assigned_at: Date | string | null;
  time_zone: string;
  business_hours: WeeklyBusinessHours;
  skills: Record<string, number>;
  languages: string[];
  holidays: string[];
}

/** Candidates of one region share one calendar object, so the domain evaluates it once. */
function toAgentCandidate(row: CandidateRow, calendars: Map<string, BusinessCalendar>): AgentCandidate {
  const calendarKey = `${row.time_zone}|${JSON.stringify(row.business_hours)}|${row.holidays.join(',')}`;
  let calendar = calendars.get(calendarKey);
  if (!calendar) {
    calendar = { timeZone: row.time_zone, weeklyHours: toIsoWeeklyHours(row.business_hours), holidays: row.holidays };
    calendars.set(calendarKey, calendar);
  }
  return {
    agentId: row.agent_id,
    displayName: row.display_name,
    isSeniorHandler: row.is_senior_handler,
    availability: row.availability,
    capacityPoints: row.capacity_points,
    loadPoints: row.load_points,
    skills: row.skills,
    languages: row.languages,
    calendar,
    lastAssignedAtMs: row.last_assigned_at === null ? null : new Date(row.last_assigned_at).getTime(),
  };
}

const candidateColumns = sql`
  a.id as agent_id, a.display_name, a.is_senior_handler, a.availability, a.capacity_points, a.load_points,
  a.last_assigned_at, r.time_zone, r.business_hours,
  coalesce((select json_object_agg(s.skill_code, s.level) from agent_skills s where s.agent_id = a.id), '{}'::json) as skills,
  coalesce((select array_agg(l.language_code) from agent_languages l where l.agent_id = a.id), '{}') as languages`;

// Only the closed days around `now` matter to "is it business time now" (local dates are within a
// day of the UTC date), which keeps the candidate query small.
function selectHolidaysAround(now: Date) {
  return sql`coalesce((select array_agg(h.date::text) from holidays h where h.calendar_code = r.holiday_calendar_code
    and h.date between (${now.toISOString()}::timestamptz at time zone 'UTC')::date - 1 and (${now.toISOString()}::timestamptz at time zone 'UTC')::date + 1), '{}') as holidays`;
}

/**
 * The active handlers who work `queueCode` (every active handler when null), as assignment
 * candidates with their skills, languages and their region's business hours around `now`.
 */
export async function listAgentCandidates(db: DbOrTx, queueCode: string | null, now: Date): Promise<AgentCandidate[]> {
  const inQueue = queueCode === null ? sql`true` : sql`exists (select 1 from agent_queues q where q.agent_id = a.id and q.queue_code = ${queueCode})`;
  const rows = await db.execute<CandidateRow>(sql`select ${candidateColumns}, ${selectHolidaysAround(now)}
    from agents a join regions r on r.code = a.region_code
    where a.is_active and ${inQueue}`);
  const calendars = new Map<string, BusinessCalendar>();
  return rows.map((row) => toAgentCandidate(row, calendars));
}

/** One active handler as a candidate, or null. */
export async function findAgentCandidate(db: DbOrTx, agentId: string, now: Date): Promise<AgentCandidate | null> {
  const rows = await db.execute<CandidateRow>(sql`select ${candidateColumns}, ${selectHolidaysAround(now)}
    from agents a join regions r on r.code = a.region_code
    where a.is_active and a.id = ${agentId}`);
  return rows[0] ? toAgentCandidate(rows[0], new Map()) : null;
}

/**
 * Reserves `loadPoints` on a handler if they are still online with room for them. One conditional
 * UPDATE: Postgres re-checks the condition on the latest row version after waiting for the row
 * lock, so concurrent reservations can never push the load over capacity. False: no room.
 */
export async function reserveAgentCapacity(db: DbOrTx, agentId: string, loadPoints: number, at: Date, options: { requireOnline: boolean }): Promise<boolean> {
  const onlineCheck = options.requireOnline ? sql`and availability = 'online'` : sql``;
  const rows = await db.execute(sql`update agents
    set load_points = load_points + ${loadPoints}, last_assigned_at = ${at.toISOString()}::timestamptz, idle_since = null, updated_at = now()
    where id = ${agentId} and is_active ${onlineCheck} and load_points + ${loadPoints} <= capacity_points
    returning id`);
  return rows.length === 1;
}

export type ReservationAttempt = 'reserved' | 'full' | 'locked';

/**
 * Like {@link reserveAgentCapacity}, but does not wait for a handler whose row another transaction
 * holds (SKIP LOCKED): 'locked' tells the caller to try the next best handler rather than queue
 * behind a concurrent assignment. 'full': no room (or no longer online).
 */
export async function tryReserveAgentCapacity(db: DbOrTx, agentId: string, loadPoints: number, at: Date): Promise<ReservationAttempt> {
  const rows = await db.execute<{ is_lockable: boolean; is_reserved: boolean }>(sql`
    with locked as (select id from agents where id = ${agentId} for no key update skip locked),
    reserved as (
      update agents a
      set load_points = a.load_points + ${loadPoints}, last_assigned_at = ${at.toISOString()}::timestamptz, idle_since = null, updated_at = now()
      from locked
      where a.id = locked.id and a.is_active and a.availability = 'online' and a.load_points + ${loadPoints} <= a.capacity_points
      returning a.id)
    select exists(select 1 from locked) as is_lockable, exists(select 1 from reserved) as is_reserved`);
  const row = rows[0];
  if (row?.is_reserved) return 'reserved';
  return row?.is_lockable ? 'full' : 'locked';
}

/** Gives back `loadPoints` of a handler; once nothing is left they are idle from `at`. */
export async function releaseAgentCapacity(db: DbOrTx, agentId: string, loadPoints: number, at: Date): Promise<void> {
  await db.execute(sql`update agents
    set load_points = greatest(load_points - ${loadPoints}, 0),
        idle_since = case when load_points - ${loadPoints} <= 0 then ${at.toISOString()}::timestamptz else idle_since end,
        updated_at = now()
    where id = ${agentId}`);
}

/** Sets a handler's availability; their open cases stay theirs whatever it becomes. */
export async function updateAgentAvailability(db: DbOrTx, agentId: string, availability: AgentAvailability): Promise<{ queueCodes: string[] } | null> {
  const rows = await db.execute<{ id: string; queue_codes: string[] }>(sql`update agents set availability = ${availability}, updated_at = now()
    where id = ${agentId}
    returning id, coalesce((select array_agg(q.queue_code) from agent_queues q where q.agent_id = agents.id), '{}') as queue_codes`);
  return rows[0] ? { queueCodes: rows[0].queue_codes } : null;
}
