/** The JSON shapes of /api/v1 case answers that pages read (dates are ISO strings). */
export interface CaseRow {
  caseId: string;
  caseNumber: number;
  customerId: string;
  customerName: string;
  channel: string;
  caseType: string;
  subject: string;
  priority: string;
  status: string;
  queue: string | null;
  assigneeAgentId: string | null;
  assigneeName: string | null;
  slaState: string;
  nextDeadlineAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseClock {
  kind: string;
  dueAt: string | null;
  elapsedMs: number;
  pausedAt: string | null;
  stoppedAt: string | null;
  breachedAt: string | null;
}

export interface CaseDetailData extends CaseRow {
  description: string;
  isUrgent: boolean;
  workflowId: string;
  escalationGroup: string | null;
  resolutionCategory: string | null;
  resolutionNotes: string | null;
  reopenCount: number;
  slaPolicyVersion: number | null;
  complaintClassification: string | null;
  csatScore: number | null;
  clocks: CaseClock[];
  live: { lastSequence: number } | null;
}

export interface TimelineData {
  events: Array<{ sequence: number; type: string; actor?: string; payload?: Record<string, unknown>; occurredAt: string }>;
  notes: Array<{ eventSequence: number; visibility: 'internal' | 'customer_visible'; kind: string; authorName: string; body: string; createdAt: string }>;
}
