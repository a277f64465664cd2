import { and, sql as drizzleSql, eq, getTableColumns, type SQL, type SQLWrapper } from 'drizzle-orm';
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
/** The conflict update: every projected column from the proposed row (`excluded`), so each value travels once. */
let caseRowChanges: Record<string, SQL> | undefined;

/** Upserts the case row; an older event (lower sequence) never overwrites a newer projection. */
function buildCaseRowUpsert(db: Db, input: ProjectCaseEventInput): SQLWrapper {
  const row = toCaseRow(input.caseRow, input.sequence);
  // toCaseRow always returns the same keys, so the first row decides the columns once.
  caseRowChanges ??= Object.fromEntries(
    Object.keys(row)
      .filter((key) => !fixedCaseKeys.has(key))
      .map((key) => [key, excluded(caseColumns[key as keyof typeof caseColumns].name)]),
  );
  return db.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: caseRowChanges, where: drizzleSql`${cases.lastEventSequence} < ${input.sequence}` });
}

/** All clocks in one statement: each row takes its proposed values unless it already holds a newer event's. */
function buildClocksUpsert(db: Db, input: ProjectCaseEventInput): SQLWrapper {
  return db
    .insert(caseClocks)
    .values(input.clocks.map((clock) => toClockRow(input.caseId, clock, input.sequence)))
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
      where: drizzleSql`${caseClocks.lastEventSequence} < ${input.sequence}`,
    });
}

/**
 * The records an event causes: note, outbox rows, survey, review, CSAT write-back. Inserts are
 * keyed by case and sequence (or the outbox key) and do nothing on a second run; updates are
 * guarded by `new_event`, so a retried projection changes nothing.
 */
function buildEventRecordWrites(db: Db, input: ProjectCaseEventInput): SQLWrapper[] {
  const writes: SQLWrapper[] = [];
  const occurredAt = new Date(input.occurredAtMs);
  if (input.note) {
    writes.push(db.insert(caseNotes).values({ caseId: input.caseId, eventSequence: input.sequence, createdAt: occurredAt, ...input.note }).onConflictDoNothing());
  }
  const notifications = input.notifications ?? [];
  if (notifications.length > 0) {
    const rows = notifications.map((notification) => ({
      idempotencyKey: `${input.caseId}:${input.sequence}:${notification.template}:${notification.recipient}`,
      caseId: input.caseId,
      ...notification,
    }));
    writes.push(db.insert(notificationOutbox).values(rows).onConflictDoNothing({ target: notificationOutbox.idempotencyKey }));
  }
  if (input.survey) writes.push(...buildSurveyWrites(db, input, input.survey));
  if (input.review) {
    const review = { caseId: input.caseId, eventSequence: input.sequence, kind: input.review.kind, reason: input.review.reason };
    writes.push(db.insert(caseReviews).values(review).onConflictDoNothing());
  }
  return writes;
}

function buildSurveyWrites(db: Db, input: ProjectCaseEventInput, survey: SurveyRecord): SQLWrapper[] {
  const values = {
    status: survey.status,
    ...(survey.scheduledForMs === undefined ? {} : { scheduledFor: new Date(survey.scheduledForMs) }),
    ...(survey.sentAtMs === undefined ? {} : { sentAt: new Date(survey.sentAtMs) }),
    ...(survey.windowClosesAtMs === undefined ? {} : { windowClosesAt: new Date(survey.windowClosesAtMs) }),
    ...(survey.answer
      ? { score: survey.answer.score, isResolved: survey.answer.isResolved, comment: survey.answer.comment, answeredAt: new Date(survey.answer.answeredAtMs) }
      : {}),
  };
  const surveyUpsert = db
    .insert(surveys)
    .values({ caseId: input.caseId, customerId: input.caseRow.customerId, ...values })
    .onConflictDoUpdate({ target: surveys.caseId, set: values, where: isNewEventSql });
  // One update of the customer row: a statement may change a row once.
  const customerChanges = {
    ...(survey.sentAtMs === undefined ? {} : { lastSurveySentAt: new Date(survey.sentAtMs) }),
    // CRM use case D-1: the answer is written back to the customer profile.
    ...(survey.answer
      ? {
          csatResponseCount: drizzleSql`${customers.csatResponseCount} + 1`,
          csatScoreSum: drizzleSql`${customers.csatScoreSum} + ${survey.answer.score}`,
          lastCsatScore: survey.answer.score,
          lastCsatAt: new Date(survey.answer.answeredAtMs),
        }
      : {}),
  };
  if (Object.keys(customerChanges).length === 0) return [surveyUpsert];
  return [surveyUpsert, db.update(customers).set(customerChanges).where(and(eq(customers.id, input.caseRow.customerId), isNewEventSql))];
}

/**
 * Projects one case event in one statement, so one round trip and one commit: the event log row
 * keyed by (case, sequence) decides whether this is the first run (`new_event`); the records the
 * event causes are written only then, so a retried activity duplicates nothing. The case row and
 * clocks are upserted behind a sequence guard. The statement is atomic: a failure writes nothing.
 */
export async function projectCaseEvent(db: Db, input: ProjectCaseEventInput): Promise<ProjectCaseEventResult> {
  const eventInsert = db
    .insert(caseEvents)
    .values({
      caseId: input.caseId,
      sequence: input.sequence,
      type: input.eventType,
      actor: input.actor,
      payload: input.payload,
      occurredAt: new Date(input.occurredAtMs),
    })
    .onConflictDoNothing({ target: [caseEvents.caseId, caseEvents.sequence] })
    .returning({ id: caseEvents.id });
  const writes = [buildCaseRowUpsert(db, input), ...(input.clocks.length > 0 ? [buildClocksUpsert(db, input)] : []), ...buildEventRecordWrites(db, input)];
  const notice = { caseId: input.caseId, caseNumber: input.caseRow.caseNumber, sequence: input.sequence, type: input.eventType, status: input.caseRow.status };
  // Data-modifying CTEs all run; Postgres delivers the notice on commit, and only for a new event.
  // Drizzle puts an embedded builder in parentheses: the CTE bodies.
  const namedWrites = writes.map((write, index) => drizzleSql`${drizzleSql.raw(`write_${index}`)} as ${write}`);
  const rows = await db.execute<{ is_new_event: boolean }>(drizzleSql`
    with new_event as ${eventInsert}, ${drizzleSql.join(namedWrites, drizzleSql`, `)}
    select ${isNewEventSql} as is_new_event, (select pg_notify(${caseChangedChannel}, ${JSON.stringify(notice)}) from new_event) as notified`);
  return { isNewEvent: rows[0]?.is_new_event === true };
}
