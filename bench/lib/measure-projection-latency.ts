import type { Client } from '@temporalio/client';
import type postgres from 'postgres';
import { caseChangedChannel } from '../../activities/case-projection.js';
import { addNoteSignal } from '../../workflows/case-messages.js';

export interface OpenCase {
  caseId: string;
  workflowId: string;
}

export interface ProjectionLatencyOptions {
  client: Client;
  /** A postgres.js client on the case database; LISTEN takes one connection of its own. */
  sql: postgres.Sql;
  cases: readonly OpenCase[];
  ratePerSecond: number;
  durationSec: number;
  /** How long to wait for the last projections once sending stopped. */
  drainTimeoutMs: number;
}

export interface ProjectionLatency {
  sent: number;
  projected: number;
  /** Signals the server refused, or notes the workflow recorded as `signal_rejected`. */
  failed: number;
  /** Signal sent → its `note_added` row committed, ascending. */
  latenciesMs: number[];
  /** Projected notes per second, from the first send to the last projection. */
  projectedPerSecond: number;
  /** What the open-loop sender achieved (it falls behind only when the client itself saturates). */
  sentPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `addNote` signals open-loop at a fixed rate to random open cases and times each one until
 * the projection's NOTIFY on `case_changed` arrives. The activity notifies after its transaction
 * commits, so the arrival is when the `case_events` row is visible to readers (plus the notice's
 * own delivery): an upper bound of "signal sent → row visible".
 */
export async function measureProjectionLatency(options: ProjectionLatencyOptions): Promise<ProjectionLatency> {
  // Per case, the send instants of the notes not yet projected: the workflow projects in order.
  const pendingSentAt = new Map<string, number[]>();
  const latenciesMs: number[] = [];
  let failed = 0;
  let lastProjectionAt = 0;
  const listener = await options.sql.listen(caseChangedChannel, (raw) => {
    const notice = JSON.parse(raw) as { caseId: string; type: string };
    if (notice.type !== 'note_added' && notice.type !== 'signal_rejected') return;
    const sentAt = pendingSentAt.get(notice.caseId)?.shift();
    if (sentAt === undefined) return;
    lastProjectionAt = performance.now();
    if (notice.type === 'note_added') latenciesMs.push(lastProjectionAt - sentAt);
    else failed += 1;
  });
  try {
    const startedAt = performance.now();
    const durationMs = options.durationSec * 1000;
    let sent = 0;
    for (let elapsedMs = 0; elapsedMs < durationMs; elapsedMs = performance.now() - startedAt) {
      for (const due = Math.floor((elapsedMs / 1000) * options.ratePerSecond); sent < due; sent++) {
        sendNote(options, pendingSentAt, sent).catch(() => (failed += 1));
      }
      await sleep(5);
    }
    const sendWindowMs = performance.now() - startedAt;
    const drainUntil = performance.now() + options.drainTimeoutMs;
    while (latenciesMs.length + failed < sent && performance.now() < drainUntil) await sleep(50);
    return {
      sent,
      projected: latenciesMs.length,
      failed,
      latenciesMs: latenciesMs.sort((a, b) => a - b),
      projectedPerSecond: latenciesMs.length / (Math.max(lastProjectionAt - startedAt, 1) / 1000),
      sentPerSecond: sent / (sendWindowMs / 1000),
    };
  } finally {
    await listener.unlisten();
  }
}

async function sendNote(options: ProjectionLatencyOptions, pendingSentAt: Map<string, number[]>, index: number): Promise<void> {
  const target = options.cases[Math.floor(Math.random() * options.cases.length)]!;
  const pending = pendingSentAt.get(target.caseId) ?? [];
  pendingSentAt.set(target.caseId, pending);
  const sentAt = performance.now();
  pending.push(sentAt);
  try {
    await options.client.workflow
      .getHandle(target.workflowId)
      .signal(addNoteSignal, { actorId: 'user:bench', body: `Bench note ${index}: customer called back about the refund.`, visibility: 'internal' });
  } catch (error) {
    pending.splice(pending.indexOf(sentAt), 1);
    throw error;
  }
}
