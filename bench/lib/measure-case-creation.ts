import type postgres from 'postgres';
import { caseChangedChannel } from '../../activities/case-projection.js';
import { postJson } from './post-json.js';
import { sendOpenLoop, waitUntil } from './send-open-loop.js';

export interface CaseCreationOptions {
  apiUrl: string;
  bearerToken: string;
  /** A postgres.js client on the case database; LISTEN takes one connection of its own. */
  sql: postgres.Sql;
  customerIds: readonly string[];
  caseTypes: readonly string[];
  ratePerSecond: number;
  durationSec: number;
  drainTimeoutMs: number;
}

export interface CaseCreation {
  sent: number;
  failed: number;
  /** POST /cases sent → 202 (ids fixed, workflow started), ascending. */
  acceptedMs: number[];
  /** POST /cases sent → the case's `case_created` row committed (its NOTIFY arrived), ascending. */
  visibleMs: number[];
  /** Ids of the cases whose row appeared. */
  caseIds: string[];
  sentPerSecond: number;
}

/**
 * Creates cases through `POST /api/v1/cases` open-loop at a fixed rate (no Idempotency-Key, so
 * each request is a new case) and times each to its 202 and to its projected `case_created` event.
 */
export async function measureCaseCreation(options: CaseCreationOptions): Promise<CaseCreation> {
  const sentAtByCase = new Map<string, number>();
  const createdAtByCase = new Map<string, number>();
  const acceptedMs: number[] = [];
  const visibleMs: number[] = [];
  let failed = 0;
  const listener = await options.sql.listen(caseChangedChannel, (raw) => {
    const notice = JSON.parse(raw) as { caseId: string; type: string };
    if (notice.type === 'case_created') createdAtByCase.set(notice.caseId, performance.now());
  });
  try {
    const post = async (index: number): Promise<void> => {
      const sentAt = performance.now();
      const response = await postJson(`${options.apiUrl}/api/v1/cases`, { authorization: `Bearer ${options.bearerToken}` }, {
        customerId: options.customerIds[index % options.customerIds.length],
        caseType: options.caseTypes[index % options.caseTypes.length],
        channel: 'phone',
        subject: `Bench case ${index}: refund not received`,
        description: 'The customer asks why the statement shows two payments for one purchase.',
      });
      const body = JSON.parse(response.body) as { caseId?: string };
      if (response.status !== 202 || !body.caseId) throw new Error(`POST /cases answered ${response.status}`);
      acceptedMs.push(performance.now() - sentAt);
      sentAtByCase.set(body.caseId, sentAt);
    };
    const { sent, sentPerSecond } = await sendOpenLoop(options.ratePerSecond, options.durationSec, (index) => {
      post(index).catch(() => (failed += 1));
    });
    const isSettled = () => acceptedMs.length + failed >= sent && [...sentAtByCase.keys()].every((caseId) => createdAtByCase.has(caseId));
    await waitUntil(isSettled, options.drainTimeoutMs);
    const caseIds = [...sentAtByCase.keys()].filter((caseId) => createdAtByCase.has(caseId));
    for (const caseId of caseIds) visibleMs.push(createdAtByCase.get(caseId)! - sentAtByCase.get(caseId)!);
    return { sent, failed, acceptedMs: acceptedMs.sort((a, b) => a - b), visibleMs: visibleMs.sort((a, b) => a - b), caseIds, sentPerSecond };
  } finally {
    await listener.unlisten();
  }
}
