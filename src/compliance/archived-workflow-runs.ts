import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { workflowHistoryArchives } from '../../db/schema.js';
import type { HistoryJson } from '../temporal/history-timeline.js';
import type { WorkflowRunHistory } from '../temporal/workflow-history.js';

const gunzipAsync = promisify(gunzip);

function readFirstEventMs(history: HistoryJson): number {
  const time = history.events[0]?.eventTime;
  return Number(time?.seconds ?? 0) * 1000 + (time?.nanos ?? 0) / 1_000_000;
}

/** The archived runs of a case, decompressed, oldest run first (ordered by each run's first event). */
export async function loadArchivedWorkflowRuns(db: Db, caseId: string): Promise<WorkflowRunHistory[]> {
  const rows = await db
    .select({ runId: workflowHistoryArchives.runId, historyGzip: workflowHistoryArchives.historyGzip })
    .from(workflowHistoryArchives)
    .where(eq(workflowHistoryArchives.caseId, caseId))
    .orderBy(asc(workflowHistoryArchives.archivedAt));
  const runs = await Promise.all(
    rows.map(async (row) => ({ runId: row.runId, history: JSON.parse((await gunzipAsync(row.historyGzip)).toString('utf8')) as HistoryJson })),
  );
  return runs.sort((a, b) => readFirstEventMs(a.history) - readFirstEventMs(b.history));
}
