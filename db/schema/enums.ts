import { pgEnum } from 'drizzle-orm/pg-core';

// Value lists shared with the rest of the code base. The workflow's domain rules decide
// transitions; these enums only guarantee that nothing else lands in the columns. The lists the
// domain owns come from there, so a column cannot drift from the words the rules speak.
import { agentAvailabilities } from '../../src/domain/agent-selection.js';
import { caseChannels, caseComplexities, casePriorities, caseStatuses, customerSegments } from '../../src/domain/case-vocabulary.js';
import { complaintClassifications } from '../../src/domain/complaint-classification.js';
import { timeModes as slaTimeModes } from '../../src/domain/sla-clock.js';

export { agentAvailabilities, caseChannels, caseComplexities, casePriorities, caseStatuses, complaintClassifications, customerSegments, slaTimeModes };

/** on_track → warning (a threshold passed) → breached; paused while pending customer; met once resolved in time. */
export const slaStates = ['on_track', 'warning', 'breached', 'paused', 'met', 'missed'] as const;
export const caseClockKinds = [
  'first_response',
  'resolution',
  'complaint_compliance_escalation',
  'complaint_resolution',
  'regulator_response',
  'regulator_final_response',
] as const;
export const noteVisibilities = ['internal', 'customer_visible'] as const;
export const noteKinds = ['note', 'customer_reply', 'system'] as const;
export const userRoles = ['csr', 'senior', 'supervisor', 'compliance', 'admin', 'customer'] as const;
export const accountTypes = ['loan', 'guarantee', 'investment', 'order'] as const;
export const interactionChannels = ['phone', 'email', 'chat', 'portal', 'sms', 'postal'] as const;
export const contactChannels = ['email', 'sms', 'phone', 'postal', 'portal'] as const;
export const outboxChannels = ['email', 'sms', 'in_app', 'postal'] as const;
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const letterKinds = ['acknowledgement', 'interim_response', 'response'] as const;
export const surveyStatuses = ['scheduled', 'sent', 'answered', 'expired', 'cancelled'] as const;
export const approvalStatuses = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;
export const routingOutcomes = ['assigned', 'queued', 'manual_scheduling'] as const;

export type CaseStatus = (typeof caseStatuses)[number];
export type CasePriority = (typeof casePriorities)[number];
export type CaseChannel = (typeof caseChannels)[number];
export type CustomerSegment = (typeof customerSegments)[number];
export type CaseComplexity = (typeof caseComplexities)[number];
export type ComplaintClassification = (typeof complaintClassifications)[number];
export type SlaState = (typeof slaStates)[number];
export type CaseClockKind = (typeof caseClockKinds)[number];
export type UserRole = (typeof userRoles)[number];
export type AccountType = (typeof accountTypes)[number];
export type SlaTimeMode = (typeof slaTimeModes)[number];

export const caseStatusEnum = pgEnum('case_status', caseStatuses);
export const casePriorityEnum = pgEnum('case_priority', casePriorities);
export const caseChannelEnum = pgEnum('case_channel', caseChannels);
export const customerSegmentEnum = pgEnum('customer_segment', customerSegments);
export const caseComplexityEnum = pgEnum('case_complexity', caseComplexities);
export const complaintClassificationEnum = pgEnum('complaint_classification', complaintClassifications);
export const slaStateEnum = pgEnum('sla_state', slaStates);
export const caseClockKindEnum = pgEnum('case_clock_kind', caseClockKinds);
export const noteVisibilityEnum = pgEnum('note_visibility', noteVisibilities);
export const noteKindEnum = pgEnum('note_kind', noteKinds);
export const userRoleEnum = pgEnum('user_role', userRoles);
export const agentAvailabilityEnum = pgEnum('agent_availability', agentAvailabilities);
export const accountTypeEnum = pgEnum('account_type', accountTypes);
export const interactionChannelEnum = pgEnum('interaction_channel', interactionChannels);
export const contactChannelEnum = pgEnum('contact_channel', contactChannels);
export const outboxChannelEnum = pgEnum('outbox_channel', outboxChannels);
export const outboxStatusEnum = pgEnum('outbox_status', outboxStatuses);
export const letterKindEnum = pgEnum('letter_kind', letterKinds);
export const surveyStatusEnum = pgEnum('survey_status', surveyStatuses);
export const approvalStatusEnum = pgEnum('approval_status', approvalStatuses);
export const slaTimeModeEnum = pgEnum('sla_time_mode', slaTimeModes);
export const routingOutcomeEnum = pgEnum('routing_outcome', routingOutcomes);
