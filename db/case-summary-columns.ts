import { sql } from 'drizzle-orm';
import { agents, cases, customers, type CaseStatus } from './schema.js';

/** One row of a case list, as lists, exports and the detail view share it. */
export interface CaseSummary {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  customerId: string;
  customerName: string;
  customerPhone: string | null;
  customerEmail: string | null;
  channel: string;
  caseType: string;
  subject: string;
  priority: string;
  status: CaseStatus;
  queue: string | null;
  assigneeAgentId: string | null;
  assigneeName: string | null;
  slaState: string;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextDeadlineAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastEventSequence: number;
}

export const summaryColumns = {
  caseId: cases.id,
  caseNumber: cases.caseNumber,
  workflowId: cases.workflowId,
  customerId: cases.customerId,
  customerName: sql<string>`coalesce(${customers.organizationName}, ${customers.firstName} || ' ' || ${customers.lastName})`,
  customerPhone: customers.phone,
  customerEmail: customers.email,
  channel: cases.channel,
  caseType: cases.caseTypeCode,
  subject: cases.subject,
  priority: cases.priority,
  status: cases.status,
  queue: cases.queueCode,
  assigneeAgentId: cases.assigneeAgentId,
  assigneeName: agents.displayName,
  slaState: cases.slaState,
  responseDueAt: cases.responseDueAt,
  resolutionDueAt: cases.resolutionDueAt,
  nextDeadlineAt: cases.nextDeadlineAt,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  lastEventSequence: cases.lastEventSequence,
};
