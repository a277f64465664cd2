import { z } from '@hono/zod-openapi';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'validation_failed' }),
    detail: z.string().optional(),
    requestId: z.string().optional(),
    fields: z.array(z.string()).optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** The refusals every guarded route may answer with. */
export const problemResponses = {
  400: { description: 'Invalid input; `fields` names what was wrong', content: problemContent },
  401: { description: 'Not logged in', content: problemContent },
  403: { description: 'Role not allowed by the access matrix, or CSRF token missing', content: problemContent },
  404: { description: 'Not found (or not yours)', content: problemContent },
} as const;

export const conflictResponses = {
  409: { description: 'The case is in a state that does not allow this', content: problemContent },
  422: { description: 'A domain rule refused the request', content: problemContent },
} as const;

/** A JSON object whose shape the description documents (keeps handlers free of response casts). */
export const jsonObject = z.record(z.string(), z.unknown());

export const uuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });

/** Page sizes are bounded so one request never drags a whole table. */
export const maxPageSize = 200;
export const pageLimitQuery = z.coerce.number().int().min(1).max(maxPageSize).default(50);
