import type { Principal } from '../auth/principal.js';
import { ApiError } from './api-error.js';
import type { Context } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
  }
}

/** The caller of a route the access matrix guards; the middleware guarantees one is set. */
export function requirePrincipal(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw new ApiError(401, 'unauthenticated', 'log in or send a bearer token');
  return principal;
}
