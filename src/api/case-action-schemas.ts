import { z } from '@hono/zod-openapi';
import { casePriorities, resolutionCategories } from '../domain/case-vocabulary.js';

const reason = z.string().trim().min(1).max(1000);

export const addNoteBody = z.strictObject({ body: z.string().trim().min(1).max(10_000), visibility: z.enum(['internal', 'customer']).default('internal') }).openapi('AddNoteBody');
export type AddNoteBody = z.infer<typeof addNoteBody>;
export const assignCaseBody = z.strictObject({ assigneeId: z.uuid().openapi({ description: 'Agent id' }) }).openapi('AssignCaseBody');
export type AssignCaseBody = z.infer<typeof assignCaseBody>;
export const transferCaseBody = z
  .strictObject({ reason, toQueue: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/).optional(), toAssigneeId: z.uuid().optional() })
  .refine((body) => body.toQueue !== undefined || body.toAssigneeId !== undefined, { message: 'name toQueue or toAssigneeId', path: ['toQueue'] })
  .openapi('TransferCaseBody');
export type TransferCaseBody = z.infer<typeof transferCaseBody>;
export const reasonBody = z.strictObject({ reason }).openapi('ReasonBody');
export type ReasonBody = z.infer<typeof reasonBody>;
export const changePriorityBody = z.strictObject({ priority: z.enum(casePriorities), reason: reason.optional() }).openapi('ChangePriorityBody');
export type ChangePriorityBody = z.infer<typeof changePriorityBody>;
export const emptyBody = z.strictObject({}).openapi('EmptyBody');
export const resolveCaseBody = z.strictObject({ category: z.enum(resolutionCategories), notes: z.string().trim().min(1).max(10_000) }).openapi('ResolveCaseBody');
export type ResolveCaseBody = z.infer<typeof resolveCaseBody>;

export const acceptedActionSchema = z
  .object({
    caseId: z.uuid(),
    action: z.string(),
    afterSequence: z.number().int().openapi({ description: 'The case’s last event sequence when the signal was sent; the outcome appears in the timeline after it' }),
  })
  .openapi('AcceptedAction');
