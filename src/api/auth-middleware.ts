import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../db/client.js';
import { findSessionPrincipal, findTokenPrincipal } from '../../db/user-repository.js';
import { hashSecretToken } from '../auth/secret-token.js';
import { findRouteAccess, isRoleAllowed } from './access-matrix.js';
import { ApiError } from './api-error.js';
import type { PrincipalCache } from './principal-cache.js';
import './api-context.js';

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function isSameSecret(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(Buffer.from(hashSecretToken(given), 'hex'), Buffer.from(hashSecretToken(expected), 'hex'));
}

export const sessionCookieName = 'case_engine_session';
export const csrfHeaderName = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller from `Authorization: Bearer <token>` or the session cookie; sets null when neither. */
export function createAuthentication(db: Db, now: () => Date, cache: PrincipalCache): MiddlewareHandler {
  const lookUp = async (token: string, find: typeof findTokenPrincipal) => {
    const tokenHash = hashSecretToken(token);
    const cached = cache.get(tokenHash);
    if (cached) return cached;
    const principal = await find(db, tokenHash, now());
    if (principal) cache.set(tokenHash, principal);
    return principal;
  };
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    const bearer = authorization?.match(/^Bearer\s+(\S{1,200})$/i)?.[1];
    const sessionToken = getCookie(c, sessionCookieName);
    if (authorization && !bearer) throw new ApiError(401, 'unauthenticated', 'the Authorization header must be "Bearer <token>"');
    let principal = null;
    if (bearer) {
      principal = await lookUp(bearer, findTokenPrincipal);
      if (!principal) throw new ApiError(401, 'unauthenticated', 'the bearer token is unknown, revoked or expired');
    } else if (sessionToken && sessionToken.length <= 200) {
      principal = await lookUp(sessionToken, findSessionPrincipal);
    }
    c.set('principal', principal);
    await next();
  };
}

/**
 * Enforces the access matrix on every /api/v1 request: unknown routes are 404, a missing login
 * 401, a role outside the row 403, and a cookie-authenticated unsafe request without the
 * session's CSRF token 403 (bearer tokens are not sent by browsers on their own, so they skip it).
 */
export function createAccessEnforcement(prefix: string): MiddlewareHandler {
  return async (c, next) => {
    const access = findRouteAccess(c.req.method, c.req.path.slice(prefix.length));
    if (!access) throw new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
    const principal = c.get('principal');
    if (access.roles !== 'public') {
      if (!principal) throw new ApiError(401, 'unauthenticated', 'log in or send a bearer token');
      if (!isRoleAllowed(access, principal.role)) throw new ApiError(403, 'forbidden', `the ${principal.role} role may not ${access.method} ${access.path}`);
      const isUnsafe = !safeMethods.has(c.req.method);
      if (isUnsafe && principal.via === 'session' && !isSameSecret(c.req.header(csrfHeaderName), principal.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', `unsafe requests with a session cookie must send the session's ${csrfHeaderName} header`);
      }
    }
    await next();
  };
}
