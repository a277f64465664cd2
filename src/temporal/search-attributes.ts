import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes.js';

// The case engine's custom search attributes: what staff filter cases by in lists and in Temporal UI.
// Workflows upsert them (`upsertSearchAttributes` with these keys); the dev server must know them first.
// No Node built-ins here: workflow code imports this file.

export const CASE_STATUS = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CASE_PRIORITY = defineSearchAttributeKey('CasePriority', SearchAttributeType.KEYWORD);
export const CASE_QUEUE = defineSearchAttributeKey('CaseQueue', SearchAttributeType.KEYWORD);
export const CASE_TYPE = defineSearchAttributeKey('CaseType', SearchAttributeType.KEYWORD);
export const CASE_ASSIGNEE = defineSearchAttributeKey('CaseAssignee', SearchAttributeType.KEYWORD);
export const SLA_BREACHED = defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL);
export const CUSTOMER_ID = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);

/** Every custom search attribute, in the form `TestWorkflowEnvironment.createLocal({ server: { searchAttributes } })` takes. */
export const CASE_SEARCH_ATTRIBUTES: readonly SearchAttributeKey<SearchAttributeType>[] = [
  CASE_STATUS,
  CASE_PRIORITY,
  CASE_QUEUE,
  CASE_TYPE,
  CASE_ASSIGNEE,
  SLA_BREACHED,
  CUSTOMER_ID,
];

// Type names as `temporal server start-dev --search-attribute Name=Type` spells them.
const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** Builds the dev server's `--search-attribute Name=Type` arguments for the given keys. */
export function toDevServerSearchAttributeArgs(
  keys: readonly SearchAttributeKey<SearchAttributeType>[] = CASE_SEARCH_ATTRIBUTES,
): string[] {
  return keys.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE_NAMES[key.type]}`]);
}
