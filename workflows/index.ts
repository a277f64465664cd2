// The worker's workflow entry: workflow functions only (messages live in case-messages.ts).
export { caseWorkflow } from './case-workflow.js';
export { archiveCaseHistoryWorkflow } from './case-history-archive.js';
export { policyApplyWorkflow } from './policy-apply-workflow.js';
