import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client.js';
import { workflowHistoryArchives } from '../db/schema.js';
import { fetchWorkflowRunChain, isRunClosed } from '../src/temporal/workflow-history.js';

const gzipAsync = promisify(gzip);

export interface ArchiveWorkflowHistoryInput {
  caseId: string;
  workflowId: string;
  /** The case's last run; the runs it continued from are archived with it. Omitted: the current run. */
  runId?: string;
}

export interface ArchiveWorkflowHistoryResult {
  runs: { runId: string; eventCount: number; sizeBytes: number; isNewArchive: boolean }[];
}

export interface HistoryArchiveDeps {
  db: Db;
  temporalClient: Client;
}

/**
 * Archives a closed case's full workflow history (every run of its continue-as-new chain) into
 * workflow_history_archives as gzip-compressed JSON, so the timeline outlives Temporal's namespace
 * retention (7-year rule). One row per run, keyed by (workflow, run): a retry stores nothing twice.
 * While the last run is still open its history can still grow, so this throws a plain (retryable)
 * Error: run it after the case workflow has closed, e.g. from an abandoned child workflow.
 */
export async function archiveWorkflowHistory(deps: HistoryArchiveDeps, input: ArchiveWorkflowHistoryInput): Promise<ArchiveWorkflowHistoryResult> {
  const chain = await fetchWorkflowRunChain(deps.temporalClient, input.workflowId, input.runId);
  const last = chain[chain.length - 1];
  if (!last || !isRunClosed(last.history)) throw new Error(`workflow ${input.workflowId} is still running; its history is not final yet`);
  const runs: ArchiveWorkflowHistoryResult['runs'] = [];
  for (const run of chain) {
    const historyGzip = await gzipAsync(Buffer.from(JSON.stringify(run.history), 'utf8'));
    const inserted = await deps.db
      .insert(workflowHistoryArchives)
      .values({ caseId: input.caseId, workflowId: input.workflowId, runId: run.runId, historyGzip, eventCount: run.history.events.length, sizeBytes: historyGzip.length })
      .onConflictDoNothing({ target: [workflowHistoryArchives.workflowId, workflowHistoryArchives.runId] })
      .returning({ id: workflowHistoryArchives.id });
    runs.push({ runId: run.runId, eventCount: run.history.events.length, sizeBytes: historyGzip.length, isNewArchive: inserted.length > 0 });
  }
  return { runs };
}
