import type { Db } from '../../db/client.js';
import { findCaseAccessFacts, type CaseAccessFacts, type CaseListFilters } from '../../db/case-repository.js';
import type { Principal } from '../auth/principal.js';
import { notFound } from './api-error.js';

/**
 * The case if the caller may see it. A customer asking for someone else's case gets the same 404
 * as for a case that does not exist, so ids cannot be probed.
 */
export async function loadVisibleCase(db: Db, principal: Principal, caseId: string): Promise<CaseAccessFacts> {
  const facts = await findCaseAccessFacts(db, caseId);
  if (!facts || !isCaseVisibleTo(principal, facts.customerId)) throw notFound('case');
  return facts;
}

/** Staff see every case the matrix lets their role read; customers only their own. */
export function isCaseVisibleTo(principal: Principal, customerId: string): boolean {
  return principal.role !== 'customer' || principal.customerId === customerId;
}

/** Narrows list filters to what the caller may see (a customer's own cases). */
export function scopeFilters(principal: Principal, filters: CaseListFilters): CaseListFilters {
  if (principal.role !== 'customer') return filters;
  return { ...filters, customerId: principal.customerId ?? '00000000-0000-0000-0000-000000000000' };
}
