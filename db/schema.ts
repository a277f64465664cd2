// The whole data model, split by area under db/schema/. drizzle-kit and db/client.ts read this file.
export * from './schema/enums.js';
export * from './schema/reference-data.js';
export * from './schema/sla-policies.js';
export * from './schema/customers.js';
export * from './schema/users.js';
export * from './schema/agents.js';
export * from './schema/cases.js';
export * from './schema/case-records.js';
export * from './schema/compliance-records.js';
export * from './schema/knowledge-articles.js';
export * from './schema/surveys.js';
export * from './schema/approvals.js';
export * from './schema/notification-outbox.js';
export * from './schema/case-assignments.js';
export * from './schema/policy-apply-jobs.js';
