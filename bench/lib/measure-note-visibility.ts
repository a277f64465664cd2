import type postgres from 'postgres';
import { caseChangedChannel } from '../../activities/case-projection.js';
import { postJson } from './post-json.js';
import { sendOpenLoop, waitUntil } from './send-open-loop.js';

export interface NoteVisibilityOptions {
  /** The API's base URL, e.g. http://127.0.0.1:1234. */
  apiUrl: string;
  bearerToken: string;
  /** A postgres.js client on the case database; LISTEN takes one connection of its own. */
  sql: postgres.Sql;
  /** Ids of open cases whose workflows run. */
  caseIds: readonly string[];
  ratePerSecond: number;
  durationSec: number;
  /** How long to wait for the last notes once sending stopped. */
  drainTimeoutMs: number;
}

export interface NoteVisibility {
  sent: number;
  /** Requests answered 202 whose note row appeared. */
  visible: number;
  /** Requests not answered 202, or notes the workflow recorded as `signal_rejected`. */
  failed: number;
  /** POST sent → the `note_added` event committed (its NOTIFY arrived), ascending. */
  latenciesMs: number[];
  /** HTTP latency of the accepted POSTs alone (202 received), ascending. */
  acceptedMs: number[];
  sentPerSecond: number;
}

/**
 * POSTs notes to `/api/v1/cases/{id}/notes` open-loop at a fixed rate to random cases and times
 * each one until the projection's NOTIFY on `case_changed` arrives. The projection notifies after
 * its transaction commits, so the arrival marks the row visible to readers (plus the notice's own
 * delivery): an upper bound of "note posted → row visible".
 */
export async function measureNoteVisibility(options: NoteVisibilityOptions): Promise<NoteVisibility> {
  // Per case, the send instants of the notes not yet projected: the workflow projects in order.
  const pendingSentAt = new Map<string, number[]>();
  const latenciesMs: number[] = [];
  const acceptedMs: number[] = [];
  let failed = 0;
  const listener = await options.sql.listen(caseChangedChannel, (raw) => {
    const notice = JSON.parse(raw) as { caseId: string; type: string };
    if (notice.type !== 'note_added' && notice.type !== 'signal_rejected') return;
    const sentAt = pendingSentAt.get(notice.caseId)?.shift();
    if (sentAt === undefined) return;
    if (notice.type === 'note_added') latenciesMs.push(performance.now() - sentAt);
    else failed += 1;
  });
  try {
    const { sent, sentPerSecond } = await sendOpenLoop(options.ratePerSecond, options.durationSec, (index) => {
      postNote(options, pendingSentAt, index).then(
        (ms) => acceptedMs.push(ms),
        () => (failed += 1),
      );
    });
    await waitUntil(() => latenciesMs.length + failed >= sent, options.drainTimeoutMs);
    return {
      sent,
      visible: latenciesMs.length,
      failed,
      latenciesMs: latenciesMs.sort((a, b) => a - b),
      acceptedMs: acceptedMs.sort((a, b) => a - b),
      sentPerSecond,
    };
  } finally {
    await listener.unlisten();
  }
}

/** POSTs an internal note to the case through the API. */
const sendNote = (options: Pick<NoteVisibilityOptions, 'apiUrl' | 'bearerToken'>, caseId: string, body: string) =>
  postJson(`${options.apiUrl}/api/v1/cases/${caseId}/notes`, { authorization: `Bearer ${options.bearerToken}` }, { body, visibility: 'internal' });

/** Sends one note; resolves with the time to its 202, rejects (and forgets it) otherwise. */
async function postNote(options: NoteVisibilityOptions, pendingSentAt: Map<string, number[]>, index: number): Promise<number> {
  const caseId = options.caseIds[Math.floor(Math.random() * options.caseIds.length)]!;
  const pending = pendingSentAt.get(caseId) ?? [];
  pendingSentAt.set(caseId, pending);
  const sentAt = performance.now();
  pending.push(sentAt);
  const forget = () => pending.splice(pending.indexOf(sentAt), 1);
  try {
    const response = await sendNote(options, caseId, `Bench note ${index}: the customer called back about the refund.`);
    if (response.status !== 202) throw new Error(`POST notes answered ${response.status}`);
    return performance.now() - sentAt;
  } catch (error) {
    forget();
    throw error;
  }
}

/**
 * Sends one note to each case, open-loop at `ratePerSecond`, and waits for the answers: a worker
 * that just started replays each case's history into its cache on the case's first signal, and a
 * figure taken before every case was touched would time those replays, not notes.
 */
export async function warmCases(options: Pick<NoteVisibilityOptions, 'apiUrl' | 'bearerToken' | 'caseIds' | 'ratePerSecond' | 'drainTimeoutMs'>): Promise<void> {
  let answered = 0;
  const { sent } = await sendOpenLoop(options.ratePerSecond, options.caseIds.length / options.ratePerSecond, (index) => {
    const caseId = options.caseIds[index % options.caseIds.length]!;
    sendNote(options, caseId, 'Warm-up note.').then(
      () => (answered += 1),
      () => (answered += 1),
    );
  });
  await waitUntil(() => answered >= sent, options.drainTimeoutMs);
}
