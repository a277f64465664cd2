import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { agents, type RequiredSkill } from './agents.js';
import { routingDecisions } from './case-records.js';
import { cases } from './cases.js';
import { timestamptz, updatedAt } from './column-types.js';
import { casePriorityEnum } from './enums.js';
import { queues } from './reference-data.js';

/**
 * The current assignment of each open case, owned by the assignment activities: the handler and
 * the load points reserved on them, or the wait for manual scheduling. One row per case (the
 * primary key) is what makes a case impossible to assign twice; the row goes when the case is
 * resolved, so its load points are released exactly once.
 */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    queueCode: text('queue_code').references(() => queues.code),
    /** The priority routing settled on (after rule adjustments); dispatch orders by it. */
    priority: casePriorityEnum('priority').notNull(),
    agentId: uuid('agent_id').references(() => agents.id),
    /** Points reserved on the agent's capacity; 0 while waiting. */
    loadPoints: integer('load_points').notNull().default(0),
    requiredSkills: jsonb('required_skills').$type<RequiredSkill[]>().notNull().default([]),
    requiredLanguage: text('required_language'),
    isSeniorRequired: boolean('is_senior_required').notNull().default(false),
    /** Set while "unassigned — manual scheduling"; dispatch goes in priority then this order. */
    waitingSince: timestamptz('waiting_since'),
    /** The case event that produced this state (idempotency of the activity). */
    eventSequence: integer('event_sequence').notNull(),
    routingDecisionId: uuid('routing_decision_id').references(() => routingDecisions.id, { onDelete: 'set null' }),
    assignedAt: timestamptz('assigned_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('case_assignments_agent_idx').on(t.agentId),
    index('case_assignments_waiting_idx')
      .on(t.priority, t.waitingSince)
      .where(sql`waiting_since is not null`),
    check('case_assignments_assigned_or_waiting', sql`(${t.agentId} is null) = (${t.waitingSince} is not null)`),
    check('case_assignments_load_not_negative', sql`${t.loadPoints} >= 0`),
  ],
);

export type CaseAssignment = typeof caseAssignments.$inferSelect;
export type NewCaseAssignment = typeof caseAssignments.$inferInsert;
