import type { Db } from './client.js';

const maxPreparedShapes = 500;
const preparedQueries = new WeakMap<Db, Map<string, unknown>>();

/**
 * The prepared query of `key` on this database handle, built on first use. Drizzle otherwise sends
 * each query as an unnamed statement that Postgres parses and plans again, and rebuilds its SQL
 * text in JavaScript (together several ms of a read); a shape is built and parsed once.
 */
export function reusePrepared<T>(db: Db, key: string, prepare: () => T): T {
  let byKey = preparedQueries.get(db);
  if (!byKey) preparedQueries.set(db, (byKey = new Map()));
  let query = byKey.get(key) as T | undefined;
  if (query === undefined) {
    if (byKey.size >= maxPreparedShapes) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, (query = prepare()));
  }
  return query;
}
