import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DomainErrorCode } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { ApiError, DomainRefusal, type FieldIssue } from './api-error.js';

/** RFC 9457 problem details; `code` is stable for tooling, `requestId` ties it to the logs. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  /** The fields that were wrong (validation), so a form can mark them. */
  fields?: string[];
  issues?: FieldIssue[];
}

export const problemContentType = 'application/problem+json';

/**
 * Each domain refusal's status: 409 when the case's state forbids it, 422 when the request was
 * well-formed but incomplete for the rule. Exhaustive, so a new domain code fails to compile here.
 */
export const domainErrorStatus: Readonly<Record<DomainErrorCode, number>> = {
  invalid_transition: 409,
  no_change: 409,
  reopen_window_expired: 409,
  csat_not_open: 409,
  handler_unavailable: 409,
  reason_required: 422,
  assignee_required: 422,
  transfer_target_required: 422,
  note_required: 422,
  resolution_category_required: 422,
  unknown_resolution_category: 422,
  resolution_notes_required: 422,
  invalid_csat_score: 422,
  invalid_calendar: 422,
  invalid_sla_policy: 422,
  no_matching_sla_rule: 422,
};

const statusTitles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Content Too Large',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

/** Renders a problem as an `application/problem+json` response. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { ...headers, 'content-type': problemContentType } });
}

/** Builds a problem for a status and code, with the request id of the context. */
export function buildProblem(c: Context, status: number, code: string, detail?: string, issues?: FieldIssue[]): Problem {
  const problem: Problem = { type: 'about:blank', title: statusTitles[status] ?? 'Error', status, code, requestId: c.get('requestId') };
  if (detail) problem.detail = detail;
  if (issues && issues.length > 0) {
    problem.issues = issues;
    problem.fields = [...new Set(issues.map((issue) => issue.field))];
  }
  return problem;
}

export const handleNotFound: NotFoundHandler = (c) => problemResponse(buildProblem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

/** One error handler: expected refusals keep their status and code; anything else is a logged 500 without a stack. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) return problemResponse(buildProblem(c, error.status, error.code, error.message, error.issues), error.headers);
    if (error instanceof DomainRefusal) {
      const { code, message, details } = error.domainError;
      const problem = { ...buildProblem(c, domainErrorStatus[code], code, message), ...(details ? { details } : {}) };
      return problemResponse(problem);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthenticated' : 'malformed_request';
      return problemResponse(buildProblem(c, error.status, code, error.message || undefined));
    }
    logger.error('request failed', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error });
    return problemResponse(
      buildProblem(c, 500, 'internal_error', 'the server could not complete the request; quote the request id when reporting it'),
    );
  };
}
