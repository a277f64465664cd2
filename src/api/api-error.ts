import type { DomainError } from '../domain/errors.js';

/** Codes the API itself answers with, besides the domain's codes. Stable: tooling matches on them. */
export const apiErrorCodes = [
  'validation_failed',
  'malformed_request',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'payload_too_large',
  'rate_limited',
  'not_implemented',
  'unavailable',
  'internal_error',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** One field that was wrong: a dotted path and what it must be. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An expected refusal with a status and a stable code; the error handler renders it as problem+json. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A domain refusal thrown through the API layer; the error handler maps its code to a status. */
export class DomainRefusal extends Error {
  override name = 'DomainRefusal';
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'your role may not do this'): ApiError => new ApiError(403, 'forbidden', message);
