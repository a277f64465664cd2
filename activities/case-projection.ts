import { sql as drizzleSql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseClocks, caseEvents, caseNotes, caseReviews, cases, customers, notificationOutbox, surveys } from '../db/schema.js';
import type { CaseRowSnapshot, ClockSnapshot, ProjectCaseEventInput, ProjectCaseEventResult } from './case-projection-types.js';

/** The channel the API listens on to push live updates (server-sent events). */
export const caseChangedChannel = 'case_changed';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

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

/** Upserts the case row; an older event (lower sequence) never overwrites a newer projection. */
async function upsertCaseRow(tx: Tx, input: ProjectCaseEventInput): Promise<void> {
  const { id: _id, caseNumber: _number, workflowId: _workflowId, ...changes } = toCaseRow(input.caseRow, input.sequence);
  await tx
    .insert(cases)
    .values(toCaseRow(input.caseRow, input.sequence))
    .onConflictDoUpdate({ target: cases.id, set: changes, where: drizzleSql`${cases.lastEventSequence} < ${input.sequence}` });
  if (input.clocks.length === 0) return;
  // All clocks in one statement: each row takes its proposed values unless it already holds a newer event's.
  const excluded = (column: string) => drizzleSql.raw(`excluded.${column}`);
  await tx
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

/** Writes the records an event causes once: note, outbox rows, survey, review, CSAT write-back. */
async function writeEventRecords(tx: Tx, input: ProjectCaseEventInput): Promise<void> {
  const occurredAt = new Date(input.occurredAtMs);
  if (input.note) {
    await tx
      .insert(caseNotes)
      .values({ caseId: input.caseId, eventSequence: input.sequence, createdAt: occurredAt, ...input.note })
      .onConflictDoNothing();
  }
  for (const notification of input.notifications ?? []) {
    const idempotencyKey = `${input.caseId}:${input.sequence}:${notification.template}:${notification.recipient}`;
    await tx
      .insert(notificationOutbox)
      .values({ idempotencyKey, caseId: input.caseId, ...notification })
      .onConflictDoNothing({ target: notificationOutbox.idempotencyKey });
  }
  if (input.survey) await upsertSurvey(tx, input);
  if (input.review) {
    await tx
      .insert(caseReviews)
      .values({ caseId: input.caseId, eventSequence: input.sequence, kind: input.review.kind, reason: input.review.reason })
      .onConflictDoNothing();
  }
}

async function upsertSurvey(tx: Tx, input: ProjectCaseEventInput): Promise<void> {
  const survey = input.survey!;
  const values = {
    status: survey.status,
    ...(survey.scheduledForMs === undefined ? {} : { scheduledFor: new Date(survey.scheduledForMs) }),
    ...(survey.sentAtMs === undefined ? {} : { sentAt: new Date(survey.sentAtMs) }),
    ...(survey.windowClosesAtMs === undefined ? {} : { windowClosesAt: new Date(survey.windowClosesAtMs) }),
    ...(survey.answer
      ? { score: survey.answer.score, isResolved: survey.answer.isResolved, comment: survey.answer.comment, answeredAt: new Date(survey.answer.answeredAtMs) }
      : {}),
  };
  await tx
    .insert(surveys)
    .values({ caseId: input.caseId, customerId: input.caseRow.customerId, ...values })
    .onConflictDoUpdate({ target: surveys.caseId, set: values });
  if (survey.sentAtMs !== undefined) {
    await tx.update(customers).set({ lastSurveySentAt: new Date(survey.sentAtMs) }).where(drizzleSql`${customers.id} = ${input.caseRow.customerId}`);
  }
  if (survey.answer) {
    // CRM use case D-1: the answer is written back to the customer profile.
    await tx
      .update(customers)
      .set({
        csatResponseCount: drizzleSql`${customers.csatResponseCount} + 1`,
        csatScoreSum: drizzleSql`${customers.csatScoreSum} + ${survey.answer.score}`,
        lastCsatScore: survey.answer.score,
        lastCsatAt: new Date(survey.answer.answeredAtMs),
      })
      .where(drizzleSql`${customers.id} = ${input.caseRow.customerId}`);
  }
}

/**
 * Projects one case event in one transaction: the event log row keyed by (case, sequence) decides
 * whether this is the first run; the records the event causes are written only then, so a retried
 * activity duplicates nothing. The case row and clocks are upserted behind a sequence guard.
 */
export async function projectCaseEvent(db: Db, input: ProjectCaseEventInput): Promise<ProjectCaseEventResult> {
  const isNewEvent = await db.transaction(async (tx) => {
    await upsertCaseRow(tx, input);
    const inserted = await tx
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
    if (inserted.length === 0) return false;
    await writeEventRecords(tx, input);
    // Inside the transaction: Postgres delivers the notice on commit, and never for a rolled-back event.
    const notice = { caseId: input.caseId, caseNumber: input.caseRow.caseNumber, sequence: input.sequence, type: input.eventType, status: input.caseRow.status };
    await tx.execute(drizzleSql`select pg_notify(${caseChangedChannel}, ${JSON.stringify(notice)})`);
    return true;
  });
  return { isNewEvent };
}
