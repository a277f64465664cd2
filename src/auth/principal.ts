import type { UserRole } from '../../db/schema.js';

/** Who is calling: the authenticated user, how they proved it, and what scopes their data. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Portal users only: the customer whose cases they may see. */
  customerId: string | null;
  via: 'session' | 'token';
  /** Cookie sessions only: the token unsafe requests must echo in `x-csrf-token`. */
  csrfToken: string | null;
}

/** The actor string the workflow records (`user:<id>` or `customer:<id>`). */
export function describeActor(principal: Principal): string {
  return principal.role === 'customer' && principal.customerId ? `customer:${principal.customerId}` : `user:${principal.userId}`;
}
