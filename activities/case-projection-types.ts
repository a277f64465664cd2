import type { CaseChannel, CaseComplexity, CasePriority, CaseStatus, CustomerSegment } from '../src/domain/case-vocabulary.js';

/**
 * What the case workflow hands to the projection activity for one event: the case row as it is
 * after the event, the event itself and the side records it causes. Instants are epoch ms so the
 * value is plain JSON in workflow history.
 */
export interface CaseRowSnapshot {
  caseId: string;
  caseNumber: number;
  workflowId: string;
  customerId: string;
  channel: CaseChannel;
  caseTypeCode: string;
  subject: string;
  description: string;
  priority: CasePriority;
  isUrgent: boolean;
  status: CaseStatus;
  segment: CustomerSegment;
  complexity: CaseComplexity;
  regionCode: string;
  parentCaseId: string | null;
  queueCode: string | null;
  assigneeAgentId: string | null;
  escalationGroup: string | null;
  escalatedAtMs: number | null;
  resolutionCategoryCode: string | null;
  resolutionNotes: string | null;
  slaPolicyVersion: number | null;
  slaState: 'on_track' | 'warning' | 'breached' | 'paused' | 'met' | 'missed';
  responseDueAtMs: number | null;
  resolutionDueAtMs: number | null;
  nextDeadlineAtMs: number | null;
  firstResponseAtMs: number | null;
  resolvedAtMs: number | null;
  closedAtMs: number | null;
  isResponseBreached: boolean;
  isResolutionBreached: boolean;
  /** Rule 3 classification; the workflow always sets it (optional for hand-built snapshots). */
  complaintClassification?: 'formal_complaint' | 'inquiry' | 'feedback' | null;
  /** A complaint deadline (operational day 15 or the regulator's) was missed. */
  isComplianceBreached?: boolean;
  firstResponseMs: number | null;
  timeToResolveMs: number | null;
  reopenCount: number;
  csatScore: number | null;
  csatIsResolved: boolean | null;
}

export interface ClockSnapshot {
  /** The SLA clocks, and the four complaint clocks of a formal complaint. */
  kind: 'first_response' | 'resolution' | 'complaint_compliance_escalation' | 'complaint_resolution' | 'regulator_response' | 'regulator_final_response';
  targetMs: number;
  startedAtMs: number;
  dueAtMs: number | null;
  elapsedMs: number;
  pausedAtMs: number | null;
  stoppedAtMs: number | null;
  breachedAtMs: number | null;
  warningsSent: string[];
}

export interface NoteRecord {
  visibility: 'internal' | 'customer_visible';
  kind: 'note' | 'customer_reply' | 'system';
  authorName: string;
  body: string;
}

export interface NotificationRecord {
  /** Unique within the event: the outbox key is `<caseId>:<sequence>:<template>:<recipient>`. */
  template: string;
  channel: 'email' | 'sms' | 'in_app' | 'postal';
  recipient: string;
  payload: Record<string, unknown>;
}

export interface SurveyRecord {
  status: 'scheduled' | 'sent' | 'answered' | 'expired' | 'cancelled';
  scheduledForMs?: number;
  sentAtMs?: number;
  windowClosesAtMs?: number;
  answer?: { score: number; isResolved: boolean; comment: string | null; answeredAtMs: number };
}

export interface ProjectCaseEventInput {
  caseId: string;
  sequence: number;
  occurredAtMs: number;
  eventType: string;
  actor: string;
  payload: Record<string, unknown>;
  caseRow: CaseRowSnapshot;
  clocks: ClockSnapshot[];
  note?: NoteRecord;
  notifications?: NotificationRecord[];
  survey?: SurveyRecord;
  /** A supervisor review to open (low CSAT). */
  review?: { kind: 'low_csat' | 'quality'; reason: string };
}

export interface ProjectCaseEventResult {
  /** False when this (case, sequence) was already projected: a retried or replayed activity. */
  isNewEvent: boolean;
}
