import { desc, eq, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { adminAuditLog, agentSkills, holidays } from './schema.js';

export type AdminTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A reference-data table an admin edits: its key column and list order. */
export interface AdminTableSpec {
  table: PgTable;
  keyColumn: PgColumn;
  orderColumn: PgColumn;
}

/** Who made an admin change, for the audit log. */
export interface AuditActor {
  userId: string;
  requestId: string | null;
}

/** Extra writes of the same change (child rows), inside its transaction. */
export type WriteChildren = (tx: AdminTx, key: string) => Promise<void>;

type Row = Record<string, unknown>;

export async function listAdminRows(db: Db, spec: AdminTableSpec, limit: number): Promise<Row[]> {
  return (await db.select().from(spec.table).orderBy(spec.orderColumn).limit(limit)) as Row[];
}

// Password hashes never reach the audit log (it is read by compliance, and kept for years).
const redact = (row: Row | null): Row | null => (row && 'passwordHash' in row ? { ...row, passwordHash: '[redacted]' } : row);

async function recordAudit(tx: AdminTx, actor: AuditActor, action: string, spec: AdminTableSpec, key: string, before: Row | null, after: Row | null): Promise<void> {
  await tx.insert(adminAuditLog).values({ actorUserId: actor.userId, requestId: actor.requestId, action, entityType: getTableName(spec.table), entityId: key, before: redact(before), after: redact(after) });
}

/** Inserts a row and its audit entry in one transaction; returns the row. */
export async function insertAdminRow(db: Db, spec: AdminTableSpec, values: Row, actor: AuditActor, writeChildren?: WriteChildren): Promise<Row> {
  return db.transaction(async (tx) => {
    const [row] = (await tx.insert(spec.table).values(values as never).returning()) as Row[];
    const key = String(row![spec.keyColumn.name === 'id' ? 'id' : 'code'] ?? '');
    await writeChildren?.(tx, key);
    await recordAudit(tx, actor, 'create', spec, key, null, row!);
    return row!;
  });
}

/** Updates a row (locked while read, so `before` is exact) and audits it; null when there is no such row. */
export async function updateAdminRow(db: Db, spec: AdminTableSpec, key: string, values: Row, actor: AuditActor, writeChildren?: WriteChildren): Promise<Row | null> {
  return db.transaction(async (tx) => {
    const [before] = (await tx.select().from(spec.table).where(eq(spec.keyColumn, key)).for('update')) as Row[];
    if (!before) return null;
    const changes = 'updatedAt' in before ? { ...values, updatedAt: sql`now()` } : values;
    const [after] = Object.keys(changes).length > 0 ? ((await tx.update(spec.table).set(changes as never).where(eq(spec.keyColumn, key)).returning()) as Row[]) : [before];
    await writeChildren?.(tx, key);
    await recordAudit(tx, actor, 'update', spec, key, before, after!);
    return after!;
  });
}

/** Replaces an agent's skills. */
export async function replaceAgentSkills(tx: AdminTx, agentId: string, skills: Record<string, number>): Promise<void> {
  await tx.delete(agentSkills).where(eq(agentSkills.agentId, agentId));
  const rows = Object.entries(skills).map(([skillCode, level]) => ({ agentId, skillCode, level }));
  if (rows.length > 0) await tx.insert(agentSkills).values(rows);
}

/** Replaces a holiday calendar's days off. */
export async function replaceHolidays(tx: AdminTx, calendarCode: string, days: Array<{ date: string; officialDate?: string; name: string; isObserved: boolean }>): Promise<void> {
  await tx.delete(holidays).where(eq(holidays.calendarCode, calendarCode));
  const rows = days.map((day) => ({ calendarCode, date: day.date, officialDate: day.officialDate ?? day.date, name: day.name, isObserved: day.isObserved }));
  if (rows.length > 0) await tx.insert(holidays).values(rows);
}

/** Children shown with their parent row. */
export async function listAgentSkills(db: Db): Promise<Array<{ agentId: string; skillCode: string; level: number }>> {
  return db.select().from(agentSkills);
}
export async function listHolidays(db: Db): Promise<Array<{ calendarCode: string; date: string; officialDate: string; name: string; isObserved: boolean }>> {
  return db.select({ calendarCode: holidays.calendarCode, date: holidays.date, officialDate: holidays.officialDate, name: holidays.name, isObserved: holidays.isObserved }).from(holidays).orderBy(holidays.date);
}

export interface AuditEntryView {
  auditId: number;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: Date;
}

export async function listAdminAudit(db: Db, limit: number): Promise<AuditEntryView[]> {
  return db
    .select({ auditId: adminAuditLog.id, actorUserId: adminAuditLog.actorUserId, action: adminAuditLog.action, entityType: adminAuditLog.entityType, entityId: adminAuditLog.entityId, before: adminAuditLog.before, after: adminAuditLog.after, requestId: adminAuditLog.requestId, occurredAt: adminAuditLog.occurredAt })
    .from(adminAuditLog)
    .orderBy(desc(adminAuditLog.id))
    .limit(limit);
}

/** Records an admin action that changes no row of its own (e.g. re-applying a policy). */
export async function recordAdminAction(db: Db, actor: AuditActor, action: string, entityType: string, entityId: string, after: Row): Promise<void> {
  await db.insert(adminAuditLog).values({ actorUserId: actor.userId, requestId: actor.requestId, action, entityType, entityId, after });
}
