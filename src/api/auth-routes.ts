import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/client.js';
import { createApiToken, createSession, deleteSession, findLoginCandidate, findSessionPrincipal } from '../../db/user-repository.js';
import { hashPassword, verifyPassword } from '../auth/password-hash.js';
import type { Principal } from '../auth/principal.js';
import { createSecretToken, hashSecretToken } from '../auth/secret-token.js';
import { requirePrincipal } from './api-context.js';
import { ApiError } from './api-error.js';
import { createdToken, createTokenBody, currentUserSchema, loginBody, loginResult } from './auth-schemas.js';
import { sessionCookieName } from './auth-middleware.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';
import type { LoginRateLimiter } from './login-rate-limiter.js';
import type { PrincipalCache } from './principal-cache.js';

export interface AuthRouteDeps {
  db: Db;
  now: () => Date;
  loginLimiter: LoginRateLimiter;
  sessionTtlMs: number;
  /** Secure cookies need HTTPS; off for the local http default. */
  isCookieSecure: boolean;
  clientAddress: (c: Context) => string;
  principalCache: PrincipalCache;
}

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const loginRoute = createRoute({
  method: 'post', path: '/auth/login', tags: ['auth'], summary: 'Log in with e-mail and password; sets the session cookie', security: [],
  request: { body: { content: json(loginBody), required: true } },
  responses: { 200: { description: 'Logged in', content: json(loginResult) }, 400: problemResponses[400], 401: problemResponses[401], 429: { description: 'Too many failed logins' } },
});
const logoutRoute = createRoute({ method: 'post', path: '/auth/logout', tags: ['auth'], summary: 'End the session', responses: { 204: { description: 'Logged out' }, 401: problemResponses[401] } });
const meRoute = createRoute({ method: 'get', path: '/auth/me', tags: ['auth'], summary: 'The caller', responses: { 200: { description: 'The caller', content: json(currentUserSchema) }, 401: problemResponses[401] } });
const tokenRoute = createRoute({
  method: 'post', path: '/auth/tokens', tags: ['auth'], summary: 'Create a bearer API token for tooling',
  request: { body: { content: json(createTokenBody), required: true } },
  responses: { 201: { description: 'Created; the token is shown once', content: json(createdToken) }, ...problemResponses },
});

let dummyHash: Promise<string> | undefined;

/** Verifies a login; an unknown user still costs one scrypt so timing does not reveal accounts. */
async function checkPassword(db: Db, email: string, password: string): Promise<string | null> {
  const candidate = await findLoginCandidate(db, email);
  dummyHash ??= hashPassword('not-a-real-password');
  const isValid = await verifyPassword(password, candidate?.passwordHash ?? (await dummyHash));
  return candidate && candidate.isActive && isValid ? candidate.userId : null;
}

const toCurrentUser = (principal: Principal) => ({ ...principal });

/** `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`, `POST /auth/tokens`. */
export function createAuthRoutes(deps: AuthRouteDeps) {
  const routes = createRouter();
  routes.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const limiterKey = `${email.toLowerCase()}|${deps.clientAddress(c)}`;
    const retryAfter = deps.loginLimiter.retryAfterSeconds(limiterKey);
    if (retryAfter > 0) throw new ApiError(429, 'rate_limited', 'too many failed logins; try again later', [], { 'retry-after': String(retryAfter) });
    const userId = await checkPassword(deps.db, email, password);
    if (!userId) {
      deps.loginLimiter.recordFailure(limiterKey);
      throw new ApiError(401, 'unauthenticated', 'the e-mail or the password is wrong');
    }
    deps.loginLimiter.reset(limiterKey);
    const session = createSecretToken('ses');
    const expiresAt = new Date(deps.now().getTime() + deps.sessionTtlMs);
    const csrfToken = createSecretToken('csrf').token;
    await createSession(deps.db, { userId, tokenHash: session.tokenHash, csrfToken, expiresAt, userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null, ipAddress: deps.clientAddress(c) });
    setCookie(c, sessionCookieName, session.token, { httpOnly: true, sameSite: 'Lax', secure: deps.isCookieSecure, path: '/', expires: expiresAt });
    const principal = (await findSessionPrincipal(deps.db, session.tokenHash, deps.now()))!;
    return c.json({ user: toCurrentUser(principal), expiresAt: expiresAt.toISOString() }, 200);
  });
  routes.openapi(logoutRoute, async (c) => {
    const token = getCookie(c, sessionCookieName);
    if (token) {
      deps.principalCache.forget(hashSecretToken(token));
      await deleteSession(deps.db, hashSecretToken(token));
    }
    deleteCookie(c, sessionCookieName, { path: '/' });
    return c.body(null, 204);
  });
  routes.openapi(meRoute, (c) => c.json(toCurrentUser(requirePrincipal(c)), 200));
  routes.openapi(tokenRoute, async (c) => {
    const principal = requirePrincipal(c);
    const body = c.req.valid('json');
    const secret = createSecretToken('cet');
    const expiresAt = body.expiresInDays ? new Date(deps.now().getTime() + body.expiresInDays * 86_400_000) : null;
    const { tokenId } = await createApiToken(deps.db, { userId: principal.userId, name: body.name, tokenHash: secret.tokenHash, tokenPrefix: secret.tokenPrefix, expiresAt });
    return c.json({ tokenId, name: body.name, token: secret.token, expiresAt: expiresAt?.toISOString() ?? null }, 201);
  });
  return routes;
}
