import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { findCaseAccessFacts } from '../../db/case-repository.js';
import { findCaseTypeDefaultPriority } from '../../db/case-type-repository.js';
import { findCustomerCaseDefaults } from '../../db/customer-repository.js';
import { allocateCaseNumber, claimIdempotencyKey } from '../../db/idempotency-repository.js';
import { describeActor, type Principal } from '../auth/principal.js';
import { ApiError } from './api-error.js';
import type { CaseCommands } from './case-commands.js';
import type { CreateCaseBody } from './case-schemas.js';

export interface AcceptedCase {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  isReplay: boolean;
}

const fieldError = (field: string, message: string) => new ApiError(400, 'validation_failed', message, [{ field, message }]);

/** Whose case it is: staff name the customer; a portal customer always creates their own. */
function resolveCustomerId(principal: Principal, body: CreateCaseBody): string {
  if (principal.role === 'customer') {
    if (!principal.customerId) throw new ApiError(403, 'forbidden', 'this portal login has no customer');
    return principal.customerId;
  }
  if (!body.customerId) throw fieldError('customerId', 'staff must name the customer');
  return body.customerId;
}

/**
 * Case ids for a create: fresh ones, or with an `Idempotency-Key` the ones of the first request
 * that used it (same caller, same body), so retries, even concurrent ones, land on one case.
 */
async function allocateCaseIds(db: Db, principal: Principal, requestFingerprint: unknown, key: string | undefined): Promise<AcceptedCase> {
  const caseNumber = await allocateCaseNumber(db);
  const fresh = { caseId: randomUUID(), caseNumber, workflowId: `case-${caseNumber}` };
  if (!key) return { ...fresh, isReplay: false };
  const requestHash = createHash('sha256').update(JSON.stringify(requestFingerprint)).digest('hex');
  const claim = await claimIdempotencyKey(db, { scope: principal.userId, key, requestHash, responseBody: fresh });
  if (claim.requestHash !== requestHash) throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with another request body');
  return { ...(claim.responseBody as typeof fresh), isReplay: !claim.isNew };
}

/**
 * Creates a case: checks the customer and type, prepopulates segment, region and priority, fixes
 * the case's ids (idempotently) and starts its workflow. The read model row appears once the
 * workflow has projected its first event.
 */
export async function acceptCaseCreate(deps: { db: Db; caseCommands: CaseCommands | undefined }, principal: Principal, body: CreateCaseBody, idempotencyKey: string | undefined): Promise<AcceptedCase> {
  const customerId = resolveCustomerId(principal, body);
  const defaults = await findCustomerCaseDefaults(deps.db, customerId);
  if (!defaults) throw fieldError('customerId', 'no such customer');
  const typePriority = await findCaseTypeDefaultPriority(deps.db, body.caseType);
  if (!typePriority) throw fieldError('caseType', 'this case type is not active');
  if (body.parentCaseId && (await findCaseAccessFacts(deps.db, body.parentCaseId))?.customerId !== customerId) throw fieldError('parentCaseId', 'no such case of this customer');
  if (!deps.caseCommands) throw new ApiError(501, 'not_implemented', 'case workflows are not wired in this deployment');
  const accepted = await allocateCaseIds(deps.db, principal, [customerId, body], idempotencyKey);
  await deps.caseCommands.startCase({
    caseId: accepted.caseId, caseNumber: accepted.caseNumber, workflowId: accepted.workflowId, customerId,
    channel: principal.role === 'customer' ? 'portal' : body.channel, caseType: body.caseType, subject: body.subject, description: body.description,
    priority: body.priority ?? typePriority, isUrgent: body.isUrgent, segment: defaults.segment, complexity: body.complexity, regionCode: defaults.regionCode, language: defaults.language, tags: body.tags,
    parentCaseId: body.parentCaseId ?? null, createdBy: describeActor(principal),
  });
  return accepted;
}
