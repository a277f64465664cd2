import { z } from '@hono/zod-openapi';
import { agentAvailabilities, casePriorities, caseChannels, caseComplexities, complaintClassifications, customerSegments, slaTimeModes, userRoles } from '../../db/schema.js';
import { queueKinds, reasonCodeCategories, weekdays } from '../../db/schema.js';

const code = z.string().min(1).max(64).regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only');
const text = (max = 200) => z.string().trim().min(1).max(max);
const roles = z.array(z.enum(userRoles)).max(6);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const isoDate = z.iso.date();

export const createCaseTypeBody = z.strictObject({
  code, name: text(), description: text(1000).optional(),
  tatMinMinutes: z.number().int().min(1).max(525_600), tatMaxMinutes: z.number().int().min(1).max(525_600),
  tatTimeMode: z.enum(slaTimeModes).default('business'), defaultQueueCode: code.optional(), defaultPriority: z.enum(casePriorities).default('P3'),
  defaultComplaintClassification: z.enum(complaintClassifications).optional(),
  creatorRoles: roles, resolverRoles: roles, escalatorRoles: roles, requiredSkillCodes: z.array(code).max(20).default([]),
  requiresSeniorHandler: z.boolean().default(false), isActive: z.boolean().default(true),
}).openapi('CreateCaseTypeBody');

export const createReasonCodeBody = z.strictObject({ code, category: z.enum(reasonCodeCategories), description: text(500), isActive: z.boolean().default(true) }).openapi('CreateReasonCodeBody');

export const createResolutionCategoryBody = z.strictObject({ code, label: text(), isResolved: z.boolean(), position: z.number().int().min(0).max(1000), isActive: z.boolean().default(true) }).openapi('CreateResolutionCategoryBody');

export const createQueueBody = z.strictObject({ code, name: text(), description: text(1000).optional(), kind: z.enum(queueKinds).default('work'), regionCode: code.optional(), isActive: z.boolean().default(true) }).openapi('CreateQueueBody');

const routingConditions = z.strictObject({
  caseTypes: z.array(code).max(20).optional(), channels: z.array(z.enum(caseChannels)).optional(), segments: z.array(z.enum(customerSegments)).optional(),
  complexities: z.array(z.enum(caseComplexities)).optional(), priorities: z.array(z.enum(casePriorities)).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(20).optional(), regions: z.array(code).max(20).optional(), tagsAny: z.array(text(50)).max(20).optional(), isUrgent: z.boolean().optional(),
});
export const createRoutingRuleBody = z.strictObject({
  code, name: text(), description: text(1000).optional(), position: z.number().int().min(0).max(100_000), conditions: routingConditions,
  targetQueueCode: code.optional(), requiredSkills: z.array(z.strictObject({ skillCode: code, minLevel: z.number().int().min(1).max(5) })).max(20).default([]),
  priorityAdjustment: z.number().int().min(-3).max(3).default(0), requiresSeniorHandler: z.boolean().default(false), isFinal: z.boolean().default(false), isActive: z.boolean().default(true),
}).openapi('CreateRoutingRuleBody');

export const createAgentBody = z.strictObject({
  displayName: text(), email: z.email().max(254), regionCode: code, userId: z.uuid().optional(), isSeniorHandler: z.boolean().default(false),
  capacityPoints: z.number().int().min(0).max(1000).default(10), availability: z.enum(agentAvailabilities).default('offline'), isActive: z.boolean().default(true),
  skills: z.record(code, z.number().int().min(1).max(5)).optional().openapi({ description: 'Skill code → level 1-5; replaces the agent’s skills' }),
}).openapi('CreateAgentBody');

export const createSkillBody = z.strictObject({ code, name: text(), description: text(1000).optional() }).openapi('CreateSkillBody');

const businessHours = z.partialRecord(z.enum(weekdays), z.array(z.strictObject({ start: hhmm, end: hhmm })).max(4));
const timeZone = z.string().max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone, e.g. America/New_York');
export const createRegionBody = z.strictObject({
  code, name: text(), timeZone, businessHours, holidayCalendarCode: code.optional(), quietHoursStart: hhmm.default('21:00'), quietHoursEnd: hhmm.default('09:00'),
}).openapi('CreateRegionBody');

export const createHolidayCalendarBody = z.strictObject({
  code, name: text(), description: text(1000).optional(),
  holidays: z.array(z.strictObject({ date: isoDate, officialDate: isoDate.optional(), name: text(), isObserved: z.boolean().default(false) })).max(400).optional()
    .openapi({ description: 'Replaces the calendar’s days off' }),
}).openapi('CreateHolidayCalendarBody');

export const createUserBody = z.strictObject({
  email: z.email().max(254), displayName: text(), role: z.enum(userRoles), password: z.string().min(12).max(200),
  customerId: z.uuid().optional(), preferredLanguage: z.string().regex(/^[a-z]{2}$/).default('en'), isActive: z.boolean().default(true),
}).openapi('CreateUserBody');

export const adminKeyParams = z.strictObject({ key: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).openapi({ param: { name: 'key', in: 'path' } }) });
