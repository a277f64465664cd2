import { z } from '@hono/zod-openapi';
import { userRoles } from '../../db/schema.js';

export const loginBody = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(1).max(200),
  })
  .openapi('LoginBody');
export type LoginBody = z.infer<typeof loginBody>;

export const createTokenBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(365).optional(),
  })
  .openapi('CreateTokenBody');
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const currentUserSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(userRoles),
    customerId: z.uuid().nullable(),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().openapi({ description: 'Send it as x-csrf-token on unsafe requests made with the session cookie' }),
  })
  .openapi('CurrentUser');

export const loginResult = z.object({ user: currentUserSchema, expiresAt: z.string() }).openapi('LoginResult');

export const createdToken = z
  .object({ tokenId: z.uuid(), name: z.string(), token: z.string().openapi({ description: 'Shown once; only its hash is stored' }), expiresAt: z.string().nullable() })
  .openapi('CreatedToken');
