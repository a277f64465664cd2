import type { z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { eq } from 'drizzle-orm';
import { listAgentSkills, listHolidays, replaceAgentSkills, replaceHolidays, type AdminTableSpec, type AdminTx, type AuditActor, type WriteChildren } from '../../db/admin-repository.js';
import { adminAuditLog, agents, agentSkills, caseTypes, holidayCalendars, holidays, queues, reasonCodes, regions, resolutionCategories, routingRules, skills, users } from '../../db/schema.js';
import { hashPassword } from '../auth/password-hash.js';
import type { AdminCollectionName } from './admin-collection-names.js';
import * as schemas from './admin-schemas.js';

type Row = Record<string, unknown>;

/** One admin collection: its table, its create schema, and the extra steps some need. */
export interface AdminCollection {
  spec: AdminTableSpec;
  keyKind: 'code' | 'uuid';
  createBody: z.ZodObject;
  /** Turns a validated body into column values and child writes (skills, holidays, password hash). */
  prepare?: (body: Row, actor: AuditActor) => Promise<{ values: Row; writeChildren?: WriteChildren }>;
  /** Adds child rows to a listing and hides secrets. */
  presentAll?: (db: Db, rows: Row[]) => Promise<Row[]>;
}

const byCode = (table: AdminTableSpec['table'], keyColumn: AdminTableSpec['keyColumn'], orderColumn = keyColumn): Pick<AdminCollection, 'spec' | 'keyKind'> => ({ spec: { table, keyColumn, orderColumn }, keyKind: 'code' });

function splitOff(body: Row, key: string): [unknown, Row] {
  const { [key]: child, ...rest } = body;
  return [child, rest];
}

/**
 * Child rows (an agent's skills, a calendar's days off) live in their own tables, so the parent's
 * audit entry would not show them: their replacement gets an entry of its own, with before and
 * after, in the same transaction.
 */
function replaceChildrenAudited(child: { entityType: string; field: string; readBefore: (tx: AdminTx, key: string) => Promise<unknown>; replace: WriteChildren }, after: unknown, actor: AuditActor): WriteChildren {
  return async (tx, key) => {
    const before = await child.readBefore(tx, key);
    await child.replace(tx, key);
    await tx.insert(adminAuditLog).values({ actorUserId: actor.userId, requestId: actor.requestId, action: 'replace_children', entityType: child.entityType, entityId: key, before: { [child.field]: before }, after: { [child.field]: after } });
  };
}

const readSkillLevels = async (tx: AdminTx, agentId: string) =>
  Object.fromEntries((await tx.select({ skillCode: agentSkills.skillCode, level: agentSkills.level }).from(agentSkills).where(eq(agentSkills.agentId, agentId))).map((row) => [row.skillCode, row.level]));
const readDaysOff = (tx: AdminTx, calendarCode: string) =>
  tx.select({ date: holidays.date, officialDate: holidays.officialDate, name: holidays.name, isObserved: holidays.isObserved }).from(holidays).where(eq(holidays.calendarCode, calendarCode)).orderBy(holidays.date);

export const adminCollections: Readonly<Record<AdminCollectionName, AdminCollection>> = {
  'case-types': {
    ...byCode(caseTypes, caseTypes.code),
    createBody: schemas.createCaseTypeBody,
  },
  'reason-codes': { ...byCode(reasonCodes, reasonCodes.code), createBody: schemas.createReasonCodeBody },
  'resolution-categories': { ...byCode(resolutionCategories, resolutionCategories.code, resolutionCategories.position), createBody: schemas.createResolutionCategoryBody },
  queues: { ...byCode(queues, queues.code), createBody: schemas.createQueueBody },
  'routing-rules': { ...byCode(routingRules, routingRules.code, routingRules.position), createBody: schemas.createRoutingRuleBody },
  skills: { ...byCode(skills, skills.code), createBody: schemas.createSkillBody },
  regions: { ...byCode(regions, regions.code), createBody: schemas.createRegionBody },
  agents: {
    spec: { table: agents, keyColumn: agents.id, orderColumn: agents.displayName },
    keyKind: 'uuid',
    createBody: schemas.createAgentBody,
    prepare: async (body, actor) => {
      const [agentSkillLevels, values] = splitOff(body, 'skills');
      if (!agentSkillLevels) return { values };
      const replace: WriteChildren = (tx, agentId) => replaceAgentSkills(tx, agentId, agentSkillLevels as Record<string, number>);
      return { values, writeChildren: replaceChildrenAudited({ entityType: 'agent_skills', field: 'skills', readBefore: readSkillLevels, replace }, agentSkillLevels, actor) };
    },
    presentAll: async (db, rows) => {
      const all = await listAgentSkills(db);
      return rows.map((row) => ({ ...row, skills: Object.fromEntries(all.filter((s) => s.agentId === row.id).map((s) => [s.skillCode, s.level])) }));
    },
  },
  'holiday-calendars': {
    ...byCode(holidayCalendars, holidayCalendars.code),
    createBody: schemas.createHolidayCalendarBody,
    prepare: async (body, actor) => {
      const [days, values] = splitOff(body, 'holidays');
      if (!days) return { values };
      const replace: WriteChildren = (tx, code) => replaceHolidays(tx, code, days as Parameters<typeof replaceHolidays>[2]);
      return { values, writeChildren: replaceChildrenAudited({ entityType: 'holidays', field: 'holidays', readBefore: readDaysOff, replace }, days, actor) };
    },
    presentAll: async (db, rows) => {
      const all = await listHolidays(db);
      return rows.map((row) => ({ ...row, holidays: all.filter((day) => day.calendarCode === row.code) }));
    },
  },
  users: {
    spec: { table: users, keyColumn: users.id, orderColumn: users.email },
    keyKind: 'uuid',
    createBody: schemas.createUserBody,
    prepare: async (body) => {
      const [password, values] = splitOff(body, 'password');
      const email = typeof values.email === 'string' ? { email: values.email.toLowerCase() } : {};
      return { values: { ...values, ...email, ...(typeof password === 'string' ? { passwordHash: await hashPassword(password) } : {}) } };
    },
    presentAll: async (_db, rows) => rows.map(({ passwordHash: _hidden, ...row }) => row),
  },
};
