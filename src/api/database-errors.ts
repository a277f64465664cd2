import { ApiError } from './api-error.js';

/** Postgres error code of an error, looking through Drizzle's wrapper. */
function readPostgresCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 3; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Turns constraint violations of an admin write into client errors: a duplicate key is a 409, a
 * reference to something that does not exist (or a value out of a check) a 400. Anything else
 * is rethrown and becomes a logged 500.
 */
export function translateDatabaseError(error: unknown): never {
  const code = readPostgresCode(error);
  const detail = (error as { cause?: { detail?: string } }).cause?.detail;
  if (code === '23505') throw new ApiError(409, 'conflict', detail ?? 'a row with this key already exists');
  if (code === '23503') throw new ApiError(400, 'validation_failed', detail ?? 'a referenced row does not exist', [{ field: 'body', message: detail ?? 'unknown reference' }]);
  if (code === '23514' || code === '22P02' || code === '22007' || code === '22008') throw new ApiError(400, 'validation_failed', 'a value is out of range', [{ field: 'body', message: 'value out of range' }]);
  throw error;
}
