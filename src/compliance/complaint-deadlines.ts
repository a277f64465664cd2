import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseClocks, cases, customers } from '../../db/schema.js';
import { countComplaintDaysLeft, readComplaintClockUnit } from '../domain/complaint-clock-evaluation.js';
import { complaintClockKinds, type ComplaintClockKind } from '../domain/complaint-clocks.js';
import { loadRegionCalendars } from './region-calendars.js';

/** One complaint clock in the compliance view; instants as ISO strings. */
export interface ComplaintClockLine {
  kind: ComplaintClockKind;
  unit: 'business_days' | 'calendar_days';
  dueAt: string | null;
  /** 0 = due today, negative = overdue; null once the clock stopped or has no deadline. */
  daysLeft: number | null;
  state: 'running' | 'stopped' | 'breached';
  stoppedAt: string | null;
  breachedAt: string | null;
}

/** The case a compliance line is about, as every compliance list shows it. */
export interface ComplaintCaseSummary {
  caseId: string;
  caseNumber: number;
  subject: string;
  status: string;
  regionCode: string;
  customerName: string;
}

/** A formal complaint with both pairs of clocks, as the compliance view lists it. */
export interface ComplaintDeadlineLine extends ComplaintCaseSummary {
  assigneeAgentId: string | null;
  receivedAt: string;
  isComplianceBreached: boolean;
  /** The earliest due instant of a clock still owed (running or breached): the sort key, null last. */
  nextDueAt: string | null;
  clocks: ComplaintClockLine[];
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * Open formal complaints ordered by their next running deadline, with days left on each of the four
 * clocks in the case region's calendar (business days for day 10/15, calendar days for the CFPB's
 * 15/60). Reads the clocks the case workflow projects into case_clocks.
 */
export async function listComplaintsByDeadline(db: Db, options: { now: Date; limit?: number; includeClosed?: boolean }): Promise<ComplaintDeadlineLine[]> {
  const openOnly = options.includeClosed ? undefined : notInArray(cases.status, ['resolved', 'closed']);
  const caseRows = await db
    .select({ case: cases, firstName: customers.firstName, lastName: customers.lastName })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.complaintClassification, 'formal_complaint'), openOnly));
  if (caseRows.length === 0) return [];
  const clockRows = await db
    .select()
    .from(caseClocks)
    .where(and(inArray(caseClocks.caseId, caseRows.map((row) => row.case.id)), inArray(caseClocks.kind, [...complaintClockKinds])));
  const calendars = await loadRegionCalendars(db);
  const nowMs = options.now.getTime();
  const lines = caseRows.map(({ case: row, firstName, lastName }): ComplaintDeadlineLine => {
    const calendar = calendars.get(row.regionCode);
    const clocks = complaintClockKinds.map((kind): ComplaintClockLine => {
      const clock = clockRows.find((candidate) => candidate.caseId === row.id && candidate.kind === kind);
      const state = clock?.breachedAt ? 'breached' : clock?.stoppedAt || !clock ? 'stopped' : 'running';
      const isCounting = state !== 'stopped' && !clock?.stoppedAt && clock?.dueAt && calendar;
      return {
        kind,
        unit: readComplaintClockUnit(kind),
        dueAt: iso(clock?.dueAt ?? null),
        daysLeft: isCounting ? countComplaintDaysLeft(calendar, kind, clock.dueAt!.getTime(), nowMs) : null,
        state,
        stoppedAt: iso(clock?.stoppedAt ?? null),
        breachedAt: iso(clock?.breachedAt ?? null),
      };
    });
    const owedDueAts = clocks.filter((clock) => clock.state !== 'stopped' && !clock.stoppedAt && clock.dueAt).map((clock) => clock.dueAt!);
    return {
      caseId: row.id,
      caseNumber: row.caseNumber,
      subject: row.subject,
      status: row.status,
      regionCode: row.regionCode,
      customerName: `${firstName} ${lastName}`,
      assigneeAgentId: row.assigneeAgentId,
      receivedAt: row.createdAt.toISOString(),
      isComplianceBreached: row.isComplianceBreached || clocks.some((clock) => clock.state === 'breached'),
      nextDueAt: owedDueAts.sort()[0] ?? null,
      clocks,
    };
  });
  const sorted = lines.sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999') || a.caseNumber - b.caseNumber);
  return options.limit === undefined ? sorted : sorted.slice(0, options.limit);
}
