import { z } from '@hono/zod-openapi';
import { jsonObject } from './common-schemas.js';
import { listCasesQuery } from './case-schemas.js';

export const createSavedSearchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    isShared: z.boolean().default(false),
    filters: z
      .record(z.string().max(50), z.string().max(500))
      .refine((filters) => Object.keys(filters).length <= 20, 'at most 20 filters')
      .refine((filters) => listCasesQuery.safeParse(filters).success, 'filters must be valid GET /cases query parameters')
      .openapi({ description: 'GET /cases query parameters, e.g. { "status": "new,assigned", "queue": "payments" }' }),
  })
  .openapi('CreateSavedSearchBody');
export type CreateSavedSearchBody = z.infer<typeof createSavedSearchBody>;

export const savedSearchListSchema = z.object({ items: z.array(jsonObject) }).openapi('SavedSearches');
export const createdSavedSearchSchema = z.object({ savedSearchId: z.uuid() }).openapi('CreatedSavedSearch');
