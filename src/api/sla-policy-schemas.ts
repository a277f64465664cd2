import { z } from '@hono/zod-openapi';
import { casePriorities, customerSegments, slaTimeModes } from '../../db/schema.js';

const duration = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.enum(['minutes', 'hours']), amount: z.number().positive().max(100_000) }),
  z.strictObject({ unit: z.enum(['business_days', 'calendar_days']), amount: z.number().int().positive().max(3650) }),
]);

const targetRule = z.strictObject({
  caseType: z.string().max(64).nullable(),
  priority: z.enum(casePriorities).nullable(),
  segment: z.enum(customerSegments).nullable(),
  isUrgent: z.boolean().nullable(),
  firstResponse: duration,
  resolution: duration,
  timeMode: z.enum(slaTimeModes).optional(),
});

const slaPolicyTargets = z.strictObject({
  rules: z.array(targetRule).min(1).max(500),
  complaint: z.strictObject({
    resolutionBusinessDays: z.number().int().min(1).max(365),
    complianceEscalationBusinessDay: z.number().int().min(1).max(365),
    regulatorResponseCalendarDays: z.number().int().min(1).max(365),
    regulatorFinalResponseCalendarDays: z.number().int().min(1).max(365),
  }),
  csat: z.strictObject({
    sendAfterHours: z.number().min(0).max(720),
    answerWindowDays: z.number().int().min(1).max(90),
    minDaysBetweenSurveysPerCustomer: z.number().int().min(0).max(365),
    lowScoreBelow: z.number().int().min(1).max(5),
  }),
});

export const createPolicyVersionBody = z
  .strictObject({
    targets: slaPolicyTargets,
    timeMode: z.enum(slaTimeModes).default('business'),
    holidayCalendarCode: z.string().max(64).optional(),
    warningThresholds: z.array(z.number().gt(0).lt(1)).max(5).default([0.75, 0.9]).refine((list) => list.every((value, index) => index === 0 || value > list[index - 1]!), 'ascending'),
    notes: z.string().max(2000).optional(),
    makeCurrent: z.boolean().default(true).openapi({ description: 'New cases start under this version' }),
  })
  .openapi('CreatePolicyVersionBody');
export type CreatePolicyVersionBody = z.infer<typeof createPolicyVersionBody>;

export const applyPolicyBody = z.strictObject({ version: z.number().int().min(1) }).openapi('ApplyPolicyBody');
export type ApplyPolicyBody = z.infer<typeof applyPolicyBody>;

export const policyIdParams = z.strictObject({ policyId: z.uuid().openapi({ param: { name: 'policyId', in: 'path' } }) });
export const applyJobParams = z.strictObject({ policyId: z.uuid().openapi({ param: { name: 'policyId', in: 'path' } }), jobId: z.uuid().openapi({ param: { name: 'jobId', in: 'path' } }) });

export const applyProgressSchema = z
  .object({
    jobId: z.uuid(), policyId: z.uuid(), version: z.number(), status: z.enum(['running', 'done', 'failed']),
    totalCases: z.number(), signalledCases: z.number(), failedCaseIds: z.array(z.string()), startedAt: z.string(), finishedAt: z.string().nullable(),
  })
  .openapi('PolicyApplyProgress');
