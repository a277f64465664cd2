import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cases, customers, regions, resolutionCategories } from '../../db/schema.js';

/** What a letter needs to know about its case and customer, read in one query. */
export interface LetterCaseFacts {
  caseId: string;
  caseNumber: number;
  subject: string;
  receivedAt: Date;
  timeZone: string;
  resolutionCategoryCode: string | null;
  resolutionNotes: string | null;
  customer: {
    fullName: string;
    email: string | null;
    addressLines: string[];
  };
}

function formatPostalAddress(row: {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string;
}): string[] {
  const cityLine = [row.city, [row.state, row.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [row.addressLine1, row.addressLine2, cityLine, row.country === 'US' ? null : row.country].filter(
    (line): line is string => typeof line === 'string' && line.length > 0,
  );
}

/** Reads the case, its customer and its region's zone; a missing case is a permanent failure. */
export async function loadLetterCaseFacts(db: Db, caseId: string): Promise<LetterCaseFacts> {
  const [row] = await db
    .select({ case: cases, customer: customers, timeZone: regions.timeZone })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .innerJoin(regions, eq(regions.code, cases.regionCode))
    .where(eq(cases.id, caseId))
    .limit(1);
  if (!row) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'case_not_found');
  const { customer } = row;
  const personName = `${customer.firstName} ${customer.lastName}`.trim();
  return {
    caseId,
    caseNumber: row.case.caseNumber,
    subject: row.case.subject,
    receivedAt: row.case.createdAt,
    timeZone: row.timeZone,
    resolutionCategoryCode: row.case.resolutionCategoryCode,
    resolutionNotes: row.case.resolutionNotes,
    customer: {
      fullName: customer.organizationName ? `${personName}, ${customer.organizationName}` : personName,
      email: customer.email,
      addressLines: formatPostalAddress(customer),
    },
  };
}

/** The label and outcome of a resolution category code (business rule 4). */
export async function loadResolutionCategory(db: Db, code: string): Promise<{ label: string; isResolved: boolean }> {
  const [row] = await db
    .select({ label: resolutionCategories.label, isResolved: resolutionCategories.isResolved })
    .from(resolutionCategories)
    .where(eq(resolutionCategories.code, code))
    .limit(1);
  if (!row) throw ApplicationFailure.nonRetryable(`resolution category ${code} does not exist`, 'unknown_resolution_category');
  return row;
}
