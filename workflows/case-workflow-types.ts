import type { CasePolicy } from '../activities/case-policy.js';
import type { CaseEvent, CaseState } from '../src/domain/case-event.js';
import type { CaseChannel, CaseComplexity, CasePriority, CaseType, CustomerSegment } from '../src/domain/case-vocabulary.js';
import type { SlaClock, SlaClockKind } from '../src/domain/sla-clock.js';
import type { CaseComplaint } from '../src/domain/complaint-case.js';
import type { ComplaintClassification } from '../src/domain/complaint-classification.js';
import type { InProgressResponseInput, PolicyChangedInput, ReclassifyInput } from './case-messages.js';

/** The case as intake created it; `caseId` and `caseNumber` are allocated before the start. */
export interface CaseWorkflowInput {
  caseId: string;
  caseNumber: number;
  customerId: string;
  channel: CaseChannel;
  caseType: CaseType;
  subject: string;
  description: string;
  priority: CasePriority;
  isUrgent: boolean;
  segment: CustomerSegment;
  complexity: CaseComplexity;
  regionCode: string;
  /** ISO 639-1 language of the customer; the handler must speak it (default 'en'). */
  language?: string;
  /** Free tags routing rules can match, e.g. 'api-integration'. */
  tags?: string[];
  parentCaseId?: string | null;
  /** The classification intake chose; unset: formal complaint for the `complaint` type, else inquiry. */
  complaintClassification?: ComplaintClassification | null;
  /** Who created it ('user:<id>', 'customer:<id>'); `system` when unset. */
  createdBy?: string;
  /** Continue-as-new once the history has this many events (Temporal warns at 10,240). */
  historyEventLimit?: number;
}

export interface EscalationLogEntry {
  atMs: number;
  trigger: 'manual' | 'sla_breach' | 'rollback' | 'compliance_deadline';
  reason: string;
  handler: string | null;
  clock?: SlaClockKind;
}

export interface CsatSchedule {
  scheduledForMs: number | null;
  sentAtMs: number | null;
  windowClosesAtMs: number | null;
  answer: { score: number; isResolved: boolean; comment: string; answeredAtMs: number } | null;
}

/** Messages waiting for the loop: domain events, and policy changes that need an activity first. */
export type InboxItem =
  | { kind: 'event'; event: CaseEvent }
  | { kind: 'policyChanged'; atMs: number; change: PolicyChangedInput }
  | { kind: 'inProgressResponse'; atMs: number; command: InProgressResponseInput }
  | { kind: 'reclassify'; atMs: number; command: ReclassifyInput };

/** Everything the workflow knows; plain JSON, carried whole through continue-as-new. */
export interface CaseWorkflowState {
  input: CaseWorkflowInput;
  createdAtMs: number;
  caseState: CaseState;
  casePolicy: CasePolicy;
  clocks: Record<SlaClockKind, SlaClock>;
  /** `<clock>:<revision>:<threshold>` of every warning already sent. */
  warningsSent: string[];
  breachedAtMs: Record<SlaClockKind, number | null>;
  escalationLog: EscalationLogEntry[];
  escalationGroup: string | null;
  escalatedAtMs: number | null;
  csat: CsatSchedule;
  /** When the resolved case closes (the survey window's end); null while open. */
  closeAtMs: number | null;
  closedAtMs: number | null;
  firstResponseMs: number | null;
  timeToResolveMs: number | null;
  /** The last event number projected; the next event gets `sequence + 1`. */
  sequence: number;
  /** The search attribute values this run last upserted (JSON), to skip upserts that change nothing. */
  searchAttributesFingerprint: string | null;
  /** Classification and complaint clocks (formal complaints, criterion C). */
  complaint: CaseComplaint;
  lastRejection: { sequence: number; eventType: string; code: string; message: string } | null;
  inbox: InboxItem[];
}
