import { and, sql as drizzleSql, eq, getTableColumns, is, Param, Placeholder, type Query, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { caseClocks, caseEvents, caseNotes, caseReviews, cases, customers, notificationOutbox, surveys } from '../db/schema.js';
import type { CaseRowSnapshot, ClockSnapshot, ProjectCaseEventInput, ProjectCaseEventResult, SurveyRecord } from './case-projection-types.js';

/** The channel the API listens on to push live updates (server-sent events). */
export const caseChangedChannel = 'case_changed';

const toDate = (ms: number | null | undefined): Date | null => (ms === null || ms === undefined ? null : new Date(ms));

function toCaseRow(row: CaseRowSnapshot, sequence: number) {
  return {
    id: row.caseId,
    caseNumber: row.caseNumber,
    workflowId: row.workflowId,
    customerId: row.customerId,
    channel: row.channel,
    caseTypeCode: row.caseTypeCode,
    subject: row.subject,
    description: row.description,
    priority: row.priority,
    isUrgent: row.isUrgent,
    status: row.status,
    segment: row.segment,
    complexity: row.complexity,
    regionCode: row.regionCode,
    parentCaseId: row.parentCaseId,
    queueCode: row.queueCode,
    assigneeAgentId: row.assigneeAgentId,
    escalationGroup: row.escalationGroup,
    escalatedAt: toDate(row.escalatedAtMs),
    resolutionCategoryCode: row.resolutionCategoryCode,
    resolutionNotes: row.resolutionNotes,
    slaPolicyVersion: row.slaPolicyVersion,
    slaState: row.slaState,
    responseDueAt: toDate(row.responseDueAtMs),
    resolutionDueAt: toDate(row.resolutionDueAtMs),
    nextDeadlineAt: toDate(row.nextDeadlineAtMs),
    firstResponseAt: toDate(row.firstResponseAtMs),
    resolvedAt: toDate(row.resolvedAtMs),
    closedAt: toDate(row.closedAtMs),
    isResponseBreached: row.isResponseBreached,
    isResolutionBreached: row.isResolutionBreached,
    complaintClassification: row.complaintClassification ?? null,
    isComplianceBreached: row.isComplianceBreached ?? false,
    firstResponseMs: row.firstResponseMs,
    timeToResolveMs: row.timeToResolveMs,
    reopenCount: row.reopenCount,
    csatScore: row.csatScore,
    csatIsResolved: row.csatIsResolved,
    lastEventSequence: sequence,
    updatedAt: new Date(),
  };
}

function toClockRow(caseId: string, clock: ClockSnapshot, sequence: number) {
  return {
    caseId,
    kind: clock.kind,
    targetMs: clock.targetMs,
    startedAt: new Date(clock.startedAtMs),
    dueAt: toDate(clock.dueAtMs),
    elapsedMs: clock.elapsedMs,
    pausedAt: toDate(clock.pausedAtMs),
    stoppedAt: toDate(clock.stoppedAtMs),
    breachedAt: toDate(clock.breachedAtMs),
    warningsSent: clock.warningsSent,
    lastEventSequence: sequence,
    updatedAt: new Date(),
  };
}

/** Runs only when this statement inserted the event: a retried projection writes nothing twice. */
const isNewEventSql = drizzleSql`exists (select 1 from new_event)`;

const excluded = (column: string) => drizzleSql.raw(`excluded.${column}`);
const caseColumns = getTableColumns(cases);
const fixedCaseKeys = new Set(['id', 'caseNumber', 'workflowId']);
const pgDialect = new PgDialect();

/** A row whose every value stands behind a placeholder (or a value, before binding). */
type Row = Record<string, unknown>;

/**
 * The rows one event writes, as plain values. Which rows exist and which of their columns are set
 * is the event's shape; the statement of a shape is built once (see `projectCaseEvent`).
 */
interface ProjectionRows {
  sequence: number;
  event: Row;
  caseRow: Row;
  clocks: Row[];
  note?: Row;
  notifications: Row[];
  /** The survey row, and what its upsert changes on a survey the case already has. */
  survey?: { row: Row; changes: Row };
  /** The customer's survey and CSAT write-back (CRM use case D-1). */
  customer?: { customerId: string; lastSurveySentAt?: Date; answer?: { score: number; lastCsatScore: number; lastCsatAt: Date } };
  review?: Row;
  notice: string;
}

function collectRows(input: ProjectCaseEventInput): ProjectionRows {
  const occurredAt = new Date(input.occurredAtMs);
  const notice = { caseId: input.caseId, caseNumber: input.caseRow.caseNumber, sequence: input.sequence, type: input.eventType, status: input.caseRow.status };
  return {
    sequence: input.sequence,
    event: { caseId: input.caseId, sequence: input.sequence, type: input.eventType, actor: input.actor, payload: input.payload, occurredAt },
    caseRow: toCaseRow(input.caseRow, input.sequence),
    clocks: input.clocks.map((clock) => toClockRow(input.caseId, clock, input.sequence)),
    ...(input.note ? { note: { caseId: input.caseId, eventSequence: input.sequence, createdAt: occurredAt, ...input.note } } : {}),
    notifications: (input.notifications ?? []).map((notification) => ({
      idempotencyKey: `${input.caseId}:${input.sequence}:${notification.template}:${notification.recipient}`,
      caseId: input.caseId,
      ...notification,
    })),
    ...(input.survey ? collectSurveyRows(input, input.survey) : {}),
    ...(input.review ? { review: { caseId: input.caseId, eventSequence: input.sequence, kind: input.review.kind, reason: input.review.reason } } : {}),
    notice: JSON.stringify(notice),
  };
}

function collectSurveyRows(input: ProjectCaseEventInput, survey: SurveyRecord): Pick<ProjectionRows, 'survey' | 'customer'> {
  const changes = {
    status: survey.status,
    ...(survey.scheduledForMs === undefined ? {} : { scheduledFor: new Date(survey.scheduledForMs) }),
    ...(survey.sentAtMs === undefined ? {} : { sentAt: new Date(survey.sentAtMs) }),
    ...(survey.windowClosesAtMs === undefined ? {} : { windowClosesAt: new Date(survey.windowClosesAtMs) }),
    ...(survey.answer
      ? { score: survey.answer.score, isResolved: survey.answer.isResolved, comment: survey.answer.comment, answeredAt: new Date(survey.answer.answeredAtMs) }
      : {}),
  };
  const customer = {
    customerId: input.caseRow.customerId,
    ...(survey.sentAtMs === undefined ? {} : { lastSurveySentAt: new Date(survey.sentAtMs) }),
    ...(survey.answer ? { answer: { score: survey.answer.score, lastCsatScore: survey.answer.score, lastCsatAt: new Date(survey.answer.answeredAtMs) } } : {}),
  };
  const hasCustomerChanges = customer.lastSurveySentAt !== undefined || customer.answer !== undefined;
  return { survey: { row: { caseId: input.caseId, customerId: input.caseRow.customerId, ...changes }, changes }, ...(hasCustomerChanges ? { customer } : {}) };
}

/**
 * Puts every value of the rows behind a placeholder named by its place (`caseRow.status`,
 * `clocks.1.dueAt`): the placeholder rows build the statement, `values` fill it, and `shape` (the
 * names in order) tells which built statement fits. An undefined value stays out, as it does from
 * an insert (the column takes its default).
 */
function bindRows(rows: ProjectionRows): { template: ProjectionRows; values: Record<string, unknown>; shape: string } {
  const values: Record<string, unknown> = {};
  const names: string[] = [];
  const bind = (name: string, value: unknown): unknown => {
    values[name] = value;
    names.push(name);
    return drizzleSql.placeholder(name);
  };
  const bindRow = (prefix: string, row: Row): Row => {
    const bound: Row = {};
    for (const [key, value] of Object.entries(row)) if (value !== undefined) bound[key] = bind(`${prefix}.${key}`, value);
    return bound;
  };
  const { customer } = rows;
  const template: ProjectionRows = {
    sequence: bind('sequence', rows.sequence) as number,
    event: bindRow('event', rows.event),
    caseRow: bindRow('caseRow', rows.caseRow),
    clocks: rows.clocks.map((clock, index) => bindRow(`clocks.${index}`, clock)),
    ...(rows.note ? { note: bindRow('note', rows.note) } : {}),
    notifications: rows.notifications.map((notification, index) => bindRow(`notifications.${index}`, notification)),
    ...(rows.survey ? { survey: { row: bindRow('survey.row', rows.survey.row), changes: bindRow('survey.changes', rows.survey.changes) } } : {}),
    ...(customer
      ? {
          customer: {
            customerId: bind('customer.customerId', customer.customerId) as string,
            ...(customer.lastSurveySentAt ? { lastSurveySentAt: bind('customer.lastSurveySentAt', customer.lastSurveySentAt) as Date } : {}),
            ...(customer.answer ? { answer: bindRow('customer.answer', customer.answer) as NonNullable<typeof customer.answer> } : {}),
          },
        }
      : {}),
    ...(rows.review ? { review: bindRow('review', rows.review) } : {}),
    notice: bind('notice', rows.notice) as string,
  };
  return { template, values, shape: names.join(',') };
}

/** Upserts the case row; an older event (lower sequence) never overwrites a newer projection. */
function buildCaseRowUpsert(db: Db, rows: ProjectionRows): SQLWrapper {
  // The conflict update takes every projected column from the proposed row (`excluded`), so each value travels once.
  const changes: Record<string, SQL> = Object.fromEntries(
    Object.keys(rows.caseRow)
      .filter((key) => !fixedCaseKeys.has(key))
      .map((key) => [key, excluded(caseColumns[key as keyof typeof caseColumns].name)]),
  );
  return db
    .insert(cases)
    .values(rows.caseRow as typeof cases.$inferInsert)
    .onConflictDoUpdate({ target: cases.id, set: changes, where: drizzleSql`${cases.lastEventSequence} < ${rows.sequence}` });
}

/** All clocks in one statement: each row takes its proposed values unless it already holds a newer event's. */
function buildClocksUpsert(db: Db, rows: ProjectionRows): SQLWrapper {
  return db
    .insert(caseClocks)
    .values(rows.clocks as Array<typeof caseClocks.$inferInsert>)
    .onConflictDoUpdate({
      target: [caseClocks.caseId, caseClocks.kind],
      set: {
        targetMs: excluded('target_ms'),
        startedAt: excluded('started_at'),
        dueAt: excluded('due_at'),
        elapsedMs: excluded('elapsed_ms'),
        pausedAt: excluded('paused_at'),
        stoppedAt: excluded('stopped_at'),
        breachedAt: excluded('breached_at'),
        warningsSent: excluded('warnings_sent'),
        lastEventSequence: excluded('last_event_sequence'),
        updatedAt: excluded('updated_at'),
      },
      where: drizzleSql`${caseClocks.lastEventSequence} < ${rows.sequence}`,
    });
}

/**
 * The records an event causes: note, outbox rows, survey, review, CSAT write-back. Inserts are
 * keyed by case and sequence (or the outbox key) and do nothing on a second run; updates are
 * guarded by `new_event`, so a retried projection changes nothing.
 */
function buildEventRecordWrites(db: Db, rows: ProjectionRows): SQLWrapper[] {
  const writes: SQLWrapper[] = [];
  if (rows.note) writes.push(db.insert(caseNotes).values(rows.note as typeof caseNotes.$inferInsert).onConflictDoNothing());
  if (rows.notifications.length > 0) {
    writes.push(
      db
        .insert(notificationOutbox)
        .values(rows.notifications as Array<typeof notificationOutbox.$inferInsert>)
        .onConflictDoNothing({ target: notificationOutbox.idempotencyKey }),
    );
  }
  if (rows.survey) {
    writes.push(
      db
        .insert(surveys)
        .values(rows.survey.row as typeof surveys.$inferInsert)
        .onConflictDoUpdate({ target: surveys.caseId, set: rows.survey.changes, where: isNewEventSql }),
    );
  }
  if (rows.customer) writes.push(buildCustomerUpdate(db, rows.customer));
  if (rows.review) writes.push(db.insert(caseReviews).values(rows.review as typeof caseReviews.$inferInsert).onConflictDoNothing());
  return writes;
}

/** One update of the customer row: a statement may change a row once. */
function buildCustomerUpdate(db: Db, customer: NonNullable<ProjectionRows['customer']>): SQLWrapper {
  const { answer } = customer;
  return db
    .update(customers)
    .set({
      ...(customer.lastSurveySentAt === undefined ? {} : { lastSurveySentAt: customer.lastSurveySentAt }),
      ...(answer
        ? {
            csatResponseCount: drizzleSql`${customers.csatResponseCount} + 1`,
            csatScoreSum: drizzleSql`${customers.csatScoreSum} + ${answer.score}`,
            lastCsatScore: answer.lastCsatScore,
            lastCsatAt: answer.lastCsatAt,
          }
        : {}),
    })
    .where(and(eq(customers.id, customer.customerId), isNewEventSql));
}

/** The whole projection of one shape of event, with placeholders for its values. */
function buildProjectionStatement(db: Db, rows: ProjectionRows): SQL {
  const eventInsert = db
    .insert(caseEvents)
    .values(rows.event as typeof caseEvents.$inferInsert)
    .onConflictDoNothing({ target: [caseEvents.caseId, caseEvents.sequence] })
    .returning({ id: caseEvents.id });
  const writes = [buildCaseRowUpsert(db, rows), ...(rows.clocks.length > 0 ? [buildClocksUpsert(db, rows)] : []), ...buildEventRecordWrites(db, rows)];
  // Data-modifying CTEs all run; Postgres delivers the notice on commit, and only for a new event.
  // Drizzle puts an embedded builder in parentheses: the CTE bodies.
  const namedWrites = writes.map((write, index) => drizzleSql`${drizzleSql.raw(`write_${index}`)} as ${write}`);
  return drizzleSql`
    with new_event as ${eventInsert}, ${drizzleSql.join(namedWrites, drizzleSql`, `)}
    select ${isNewEventSql} as is_new_event, (select pg_notify(${caseChangedChannel}, ${rows.notice}) from new_event) as notified`;
}

/**
 * The parameters of a built statement with the values filled in, each encoded by its column as
 * Drizzle encodes an inline value (null stays null: Drizzle's own `fillPlaceholders` would hand it
 * to the encoder).
 */
function fillValues(params: readonly unknown[], values: Record<string, unknown>): never[] {
  return params.map((param) => {
    if (is(param, Placeholder)) return values[param.name];
    if (!is(param, Param) || !is(param.value, Placeholder)) return param;
    const value = values[param.value.name];
    return value === null ? null : param.encoder.mapToDriverValue(value);
  }) as never[];
}

/** Statements by shape; a case's events take a few shapes (note, assignment, survey...), all cases the same ones. */
const statementsByShape = new Map<string, Query>();
const maxStatementShapes = 200;

/**
 * Projects one case event in one statement, so one round trip and one commit: the event log row
 * keyed by (case, sequence) decides whether this is the first run (`new_event`); the records the
 * event causes are written only then, so a retried activity duplicates nothing. The case row and
 * clocks are upserted behind a sequence guard. The statement is atomic: a failure writes nothing.
 *
 * Every event of a shape runs the same statement text: built and rendered once, sent as a named
 * prepared statement, so neither Drizzle rebuilds it nor Postgres parses and plans it per event.
 */
export async function projectCaseEvent(db: Db, input: ProjectCaseEventInput): Promise<ProjectCaseEventResult> {
  const { template, values, shape } = bindRows(collectRows(input));
  let statement = statementsByShape.get(shape);
  if (!statement) {
    if (statementsByShape.size >= maxStatementShapes) statementsByShape.delete(statementsByShape.keys().next().value!);
    statement = pgDialect.sqlToQuery(buildProjectionStatement(db, template));
    statementsByShape.set(shape, statement);
  }
  const rows = await db.$client.unsafe<Array<{ is_new_event: boolean }>>(statement.sql, fillValues(statement.params, values), { prepare: true });
  return { isNewEvent: rows[0]?.is_new_event === true };
}
