import type { Db } from '../../db/client.js';
import type { DbOrTx } from '../../db/agent-repository.js';

// Deadlock and serialization failures: Postgres rolled the whole transaction back, so running it
// again is safe. Two assignments can deadlock when they lock the same handlers in opposite orders.
const retryableSqlStates = new Set(['40P01', '40001']);
const maxAttempts = 5;

function findSqlState(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Runs `work` in one transaction, again from the start after a deadlock or serialization failure. */
export async function runAssignmentTransaction<T>(db: Db, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const sqlState = findSqlState(error);
      if (attempt >= maxAttempts || sqlState === undefined || !retryableSqlStates.has(sqlState)) throw error;
    }
  }
}
