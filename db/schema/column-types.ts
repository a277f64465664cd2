import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Every instant in the product is a `timestamp with time zone`, read as a JS Date. */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}

/** `created_at` with the database clock as default. */
export function createdAt() {
  return timestamptz('created_at').notNull().defaultNow();
}

/** `updated_at`; writers set it, the default covers the insert. */
export function updatedAt() {
  return timestamptz('updated_at').notNull().defaultNow();
}

/** Postgres full-text document; only ever written by a generated column. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** Raw bytes (PDF letters, compressed workflow histories). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return 'bytea';
  },
});
