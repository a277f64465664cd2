import { z } from '@hono/zod-openapi';
import { agentAvailabilities } from '../../db/schema.js';
import { uuidParam } from './common-schemas.js';

export const agentIdParams = z.object({ agentId: uuidParam('agentId') });

export const setAvailabilityBody = z.strictObject({ availability: z.enum(agentAvailabilities) }).openapi('SetAvailabilityBody');
export type SetAvailabilityBody = z.infer<typeof setAvailabilityBody>;

export const availabilityResultSchema = z
  .object({
    agentId: z.uuid(),
    availability: z.enum(agentAvailabilities),
    dispatched: z.array(z.object({ caseId: z.uuid(), workflowId: z.string(), priority: z.string() })),
  })
  .openapi('AvailabilityResult');

export const bulkReassignBody = z
  .strictObject({
    caseIds: z.array(z.uuid()).min(1).max(200),
    toAgentId: z.uuid(),
    reason: z.string().trim().min(1).max(1000),
  })
  .openapi('BulkReassignBody');
export type BulkReassignBody = z.infer<typeof bulkReassignBody>;

export const bulkReassignResultSchema = z
  .object({
    signalled: z.array(z.object({ caseId: z.uuid(), afterSequence: z.number().int() })),
    refused: z.array(z.object({ caseId: z.uuid(), code: z.string(), message: z.string() })),
  })
  .openapi('BulkReassignResult');
