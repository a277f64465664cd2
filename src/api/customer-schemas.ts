import { z } from '@hono/zod-openapi';
import { jsonObject } from './common-schemas.js';

export const searchCustomersQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).openapi({ description: 'Name, phone, e-mail, customer number or account number' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchCustomersQuery = z.infer<typeof searchCustomersQuery>;

export const customerIdParams = z.strictObject({ customerId: z.uuid().openapi({ param: { name: 'customerId', in: 'path' } }) });

export const customerMatchesSchema = z.object({ items: z.array(jsonObject) }).openapi('CustomerMatches');
export const customer360Schema = jsonObject.openapi('Customer360', {
  description: 'Profile (contact data masked by role), preferences, accounts, recent transactions, open cases, last 10 interactions, risk flags, CSAT history',
});
