import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, timestamptz, updatedAt } from './column-types.js';
import { agentAvailabilityEnum } from './enums.js';
import { queues, regions, skills } from './reference-data.js';
import { users } from './users.js';
import type { RequiredSkill, RoutingConditions } from '../../src/domain/routing.js';

/**
 * A handler who can be assigned cases. Capacity and load are in load points: each open case
 * weighs by its priority (the routing rules decide the weights), so "spare capacity" is
 * `capacityPoints - loadPoints`, reserved atomically by the assignment activity.
 */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    email: text('email').notNull().unique(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    isSeniorHandler: boolean('is_senior_handler').notNull().default(false),
    capacityPoints: integer('capacity_points').notNull().default(10),
    loadPoints: integer('load_points').notNull().default(0),
    availability: agentAvailabilityEnum('availability').notNull().default('offline'),
    lastAssignedAt: timestamptz('last_assigned_at'),
    /** Since when the agent has had nothing assigned; the longest idle wins a tie. */
    idleSince: timestamptz('idle_since'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agents_availability_idx').on(t.availability, t.regionCode),
    check('agents_load_not_negative', sql`${t.loadPoints} >= 0`),
  ],
);

export const agentSkills = pgTable(
  'agent_skills',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    skillCode: text('skill_code')
      .notNull()
      .references(() => skills.code, { onDelete: 'cascade' }),
    /** 1 (basic) to 5 (expert). */
    level: smallint('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.skillCode] }), index('agent_skills_skill_idx').on(t.skillCode, t.level)],
);

export const agentLanguages = pgTable(
  'agent_languages',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    /** ISO 639-1, e.g. 'en', 'es'. */
    languageCode: text('language_code').notNull(),
    proficiency: text('proficiency', { enum: ['native', 'fluent', 'conversational'] }).notNull().default('fluent'),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.languageCode] }), index('agent_languages_language_idx').on(t.languageCode)],
);

/** Which queues an agent works. */
export const agentQueues = pgTable(
  'agent_queues',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    queueCode: text('queue_code')
      .notNull()
      .references(() => queues.code, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.queueCode] }), index('agent_queues_queue_idx').on(t.queueCode)],
);

// The routing rule's shapes are the domain's: the rule engine reads these columns as they are.
export type { RequiredSkill, RoutingConditions } from '../../src/domain/routing.js';

/** Routing rules as data, evaluated in `position` order by the pure routing function. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Natural key for seeding and admin references. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull(),
    targetQueueCode: text('target_queue_code').references(() => queues.code),
    requiredSkills: jsonb('required_skills').$type<RequiredSkill[]>().notNull().default([]),
    /** Levels to move the priority: -1 raises P3 to P2, +1 lowers it. */
    priorityAdjustment: integer('priority_adjustment').notNull().default(0),
    requiresSeniorHandler: boolean('requires_senior_handler').notNull().default(false),
    /** When true, evaluation stops at this rule once it matches. */
    isFinal: boolean('is_final').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('routing_rules_active_position_idx').on(t.isActive, t.position)],
);

export type Agent = typeof agents.$inferSelect;
export type NewAgent = typeof agents.$inferInsert;
export type AgentSkill = typeof agentSkills.$inferSelect;
export type AgentLanguage = typeof agentLanguages.$inferSelect;
export type AgentQueue = typeof agentQueues.$inferSelect;
export type RoutingRule = typeof routingRules.$inferSelect;
export type NewRoutingRule = typeof routingRules.$inferInsert;
