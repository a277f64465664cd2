/**
 * The closed set of reasons a domain rule can refuse something. The API maps each code to an HTTP
 * status through an exhaustive record, so adding a code here is a deliberate, compiler-checked act.
 */
export const domainErrorCodes = [
  'invalid_transition',
  'reason_required',
  'assignee_required',
  'transfer_target_required',
  'note_required',
  'no_change',
  'resolution_category_required',
  'unknown_resolution_category',
  'resolution_notes_required',
  'reopen_window_expired',
  'invalid_csat_score',
  'csat_not_open',
  'invalid_calendar',
  'invalid_sla_policy',
  'no_matching_sla_rule',
  'handler_unavailable',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** A refusal as plain data, so it crosses workflow, activity and API boundaries unchanged. */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  details?: Record<string, string | number | boolean | null>;
}

/** The result of a rule that may refuse: either a value or a typed error, never an exception. */
export type DomainResult<T> = ({ ok: true } & T) | { ok: false; error: DomainError };

/** Builds a {@link DomainError}; `details` names the offending fields or values. */
export function createDomainError(code: DomainErrorCode, message: string, details?: DomainError['details']): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}

/** Wraps a {@link DomainError} as the refused branch of a {@link DomainResult}. */
export function refuse(code: DomainErrorCode, message: string, details?: DomainError['details']): { ok: false; error: DomainError } {
  return { ok: false, error: createDomainError(code, message, details) };
}

/** Tells whether an unknown value is a {@link DomainErrorCode} (for errors that crossed a boundary). */
export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (domainErrorCodes as readonly string[]).includes(value);
}
