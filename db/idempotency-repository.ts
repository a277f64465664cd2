import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { idempotencyKeys } from './schema.js';

export interface StoredIdempotentResponse {
  isNew: boolean;
  requestHash: string;
  responseBody: Record<string, unknown>;
}

/**
 * Claims `key` for `scope` with the response it will produce; when the key was claimed before,
 * returns that first claim instead. Concurrent claims serialise on the unique index, so exactly
 * one wins and every retry sees the winner's response.
 */
export async function claimIdempotencyKey(db: Db, input: { scope: string; key: string; requestHash: string; responseBody: Record<string, unknown> }): Promise<StoredIdempotentResponse> {
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({ ...input, responseStatus: 202 })
    .onConflictDoNothing({ target: [idempotencyKeys.scope, idempotencyKeys.key] })
    .returning({ id: idempotencyKeys.id });
  if (inserted) return { isNew: true, requestHash: input.requestHash, responseBody: input.responseBody };
  const [existing] = await db
    .select({ requestHash: idempotencyKeys.requestHash, responseBody: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.key)));
  return { isNew: false, requestHash: existing!.requestHash, responseBody: existing!.responseBody as Record<string, unknown> };
}

/** The next case number (the workflow id `case-<number>` is fixed before the workflow starts). */
export async function allocateCaseNumber(db: Db): Promise<number> {
  const [row] = await db.execute<{ value: string }>(sql`select nextval('case_number_seq') as value`);
  return Number(row!.value);
}
