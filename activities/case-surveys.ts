import { and, desc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { surveys } from '../db/schema.js';

export interface CheckSurveyAllowanceInput {
  caseId: string;
  customerId: string;
  /** Workflow time of the send, so the answer does not depend on when the activity runs. */
  atMs: number;
  minIntervalMs: number;
}

/**
 * Lending story H and the CRM use case's "avoid harassment with multiple surveys": no more than one
 * survey per customer per interval. Answers whether another case's survey went out too recently.
 */
export async function checkSurveyAllowance(db: Db, input: CheckSurveyAllowanceInput): Promise<{ isAllowed: boolean; lastSentAtMs: number | null }> {
  const since = new Date(input.atMs - input.minIntervalMs);
  const [recent] = await db
    .select({ sentAt: surveys.sentAt })
    .from(surveys)
    .where(and(eq(surveys.customerId, input.customerId), ne(surveys.caseId, input.caseId), isNotNull(surveys.sentAt), gt(surveys.sentAt, since)))
    .orderBy(desc(surveys.sentAt))
    .limit(1);
  return { isAllowed: recent === undefined, lastSentAtMs: recent?.sentAt?.getTime() ?? null };
}
