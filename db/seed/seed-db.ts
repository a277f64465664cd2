import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type * as schema from '../schema.js';

/** The database or a transaction on it: every seed step runs inside the one seeding transaction. */
export type SeedDb = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

/** A fixed "now" for generated history, so the demo data is the same on every machine. */
export const seedReferenceDate = new Date('2026-11-20T15:00:00Z');
