// The worker's workflow entry: workflow functions only (messages live in case-messages.ts).
export { caseWorkflow } from './case-workflow.js';
