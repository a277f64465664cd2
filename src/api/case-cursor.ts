import { z } from 'zod';
import type { CaseCursor } from '../../db/case-repository.js';
import { ApiError } from './api-error.js';

const cursorSchema = z.strictObject({ value: z.union([z.string().max(100), z.number()]), caseNumber: z.number().int() });

/** Cursors are opaque to clients: base64url JSON of the last row's sort value and case number. */
export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string | undefined): CaseCursor | undefined {
  if (text === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'validation_failed', 'the cursor is not one this API issued', [{ field: 'cursor', message: 'invalid cursor' }]);
  }
}
