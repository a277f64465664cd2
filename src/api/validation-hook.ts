import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { ZodError } from 'zod';
import { buildProblem, problemResponse } from './error-handler.js';
import type { FieldIssue } from './api-error.js';

/** Turns zod issues into `{ field, message }`, the field a dotted path (`filters.status`), or the part of the request. */
export function toFieldIssues(error: ZodError, target: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : target,
    message: issue.message,
  }));
}

/** What each validated part of a request is called in a message people read. */
const targetNames: Record<string, string> = { json: 'request body', form: 'form', query: 'query parameters', param: 'path parameters', header: 'headers', cookie: 'cookies' };

/** The one validation hook of every route: 400 problem+json naming each wrong field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, Env, any, any> = (result, c) => {
  if (result.success) return undefined;
  const issues = toFieldIssues(result.error as ZodError, result.target);
  return problemResponse(buildProblem(c, 400, 'validation_failed', `the ${targetNames[result.target] ?? result.target} has invalid fields: ${issues.map((issue) => issue.field).join(', ')}`, issues));
};
