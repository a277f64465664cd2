import type { Client } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseEvents, cases } from '../../db/schema.js';
import { loadArchivedWorkflowRuns } from './archived-workflow-runs.js';
import { renderHistoryTimeline, type HistoryTimelineEntry } from '../temporal/history-timeline.js';
import { fetchWorkflowRunChain } from '../temporal/workflow-history.js';

/** One entry of a case's event log (case_events), instants as ISO strings. */
export interface AuditTrailEntry {
  sequence: number;
  type: string;
  actor: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
}

/** A case's full audit trail: every event of the Postgres event log in sequence order. */
export async function getCaseAuditTrail(db: Db, caseId: string): Promise<AuditTrailEntry[]> {
  const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.sequence));
  return rows.map((row) => ({
    sequence: row.sequence,
    type: row.type,
    actor: row.actor,
    actorUserId: row.actorUserId,
    payload: row.payload,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  }));
}

/** A case's workflow timeline and where it came from. */
export interface CaseHistoryTimeline {
  source: 'archive' | 'temporal' | 'none';
  entries: HistoryTimelineEntry[];
}

/**
 * A case's Temporal history as a readable timeline: from the Postgres archive once the case is
 * archived (Temporal forgets closed workflows after its retention period), else live from
 * Temporal when a client is given, else empty with `source: 'none'`.
 */
export async function getCaseHistoryTimeline(deps: { db: Db; temporalClient?: Client }, caseId: string): Promise<CaseHistoryTimeline> {
  const archived = await loadArchivedWorkflowRuns(deps.db, caseId);
  if (archived.length > 0) return { source: 'archive', entries: renderHistoryTimeline(archived) };
  if (!deps.temporalClient) return { source: 'none', entries: [] };
  const [row] = await deps.db.select({ workflowId: cases.workflowId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!row) return { source: 'none', entries: [] };
  return { source: 'temporal', entries: renderHistoryTimeline(await fetchWorkflowRunChain(deps.temporalClient, row.workflowId)) };
}
