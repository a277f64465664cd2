import { z } from '@hono/zod-openapi';
import { caseSortKeys } from '../../db/case-query-filters.js';
import { caseChannels, caseComplexities, casePriorities, caseStatuses, slaStates } from '../../db/schema.js';
import { caseTypes } from '../domain/case-vocabulary.js';
import { jsonObject, pageLimitQuery } from './common-schemas.js';

/** `a,b,c` lists in query strings, each item checked against its own schema. */
const commaList = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .max(500)
    .transform((text) => text.split(',').filter((part) => part.length > 0))
    .pipe(z.array(z.enum(values)).max(20));

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const code = z.string().min(1).max(100).regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only');

const filterFields = {
  status: commaList(caseStatuses).optional().openapi({ description: 'Comma-separated statuses', example: 'new,assigned' }),
  priority: commaList(casePriorities).optional().openapi({ example: 'P1,P2' }),
  queue: code.optional(),
  assignee: z.uuid().optional().openapi({ description: 'Agent id' }),
  type: code.optional().openapi({ description: 'Case type code' }),
  channel: z.enum(caseChannels).optional(),
  customer: z.uuid().optional().openapi({ description: 'Customer id' }),
  slaState: commaList(slaStates).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  updatedFrom: instant.optional(),
  updatedTo: instant.optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Full-text search: subject, description, notes, customer data' }),
  sort: z.enum(caseSortKeys).default('-createdAt'),
};

export const listCasesQuery = z.strictObject({ ...filterFields, limit: pageLimitQuery, cursor: z.string().max(500).optional() });
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

/** Export rows are bounded: at most 10,000 a file. */
export const maxExportRows = 10_000;
export const exportCasesQuery = z.strictObject({ ...filterFields, limit: z.coerce.number().int().min(1).max(maxExportRows).default(maxExportRows) });
export type ExportCasesQuery = z.infer<typeof exportCasesQuery>;

export const caseIdParams = z.strictObject({ caseId: z.uuid().openapi({ param: { name: 'caseId', in: 'path' } }) });

export const timelineQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(500) });

export const caseSummarySchema = jsonObject.openapi('CaseSummary', { description: 'A case of a list; contact data masked by role' });
export const casePageSchema = z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() }).openapi('CasePage');
export const caseDetailSchema = jsonObject.openapi('CaseDetail', { description: 'The read model of a case, its clocks and (when available) the live workflow state' });
export const timelineSchema = z.object({ caseId: z.uuid(), events: z.array(jsonObject), notes: z.array(jsonObject) }).openapi('CaseTimeline');

export const createCaseBody = z
  .strictObject({
    customerId: z.uuid().optional().openapi({ description: 'Required for staff; a portal customer always creates for themself' }),
    channel: z.enum(caseChannels).default('phone'),
    caseType: z.enum(caseTypes),
    subject: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(''),
    priority: z.enum(casePriorities).optional().openapi({ description: 'Defaults to the case type’s priority' }),
    isUrgent: z.boolean().default(false),
    complexity: z.enum(caseComplexities).default('simple'),
    parentCaseId: z.uuid().optional(),
    tags: z.array(z.string().trim().min(1).max(50).regex(/^[a-z0-9_-]+$/i)).max(20).default([]).openapi({ description: 'Free tags routing rules can match, e.g. api-integration' }),
  })
  .openapi('CreateCaseBody');
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const createCaseHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'visible ASCII').optional().openapi({ description: 'A retried create with the same key returns the same case' }),
});

export const acceptedCaseSchema = z.object({ caseId: z.uuid(), caseNumber: z.number(), workflowId: z.string(), isReplay: z.boolean() }).openapi('AcceptedCase');
