/** The reference-data collections an admin edits under /api/v1/admin/<name>. */
export const adminCollectionNames = [
  'case-types',
  'reason-codes',
  'resolution-categories',
  'queues',
  'routing-rules',
  'agents',
  'skills',
  'regions',
  'holiday-calendars',
  'users',
] as const;
export type AdminCollectionName = (typeof adminCollectionNames)[number];
