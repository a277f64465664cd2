import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Logger } from '../logger.js';
import { createApiRoutes, type ApiDeps } from './api-routes.js';
import { limitRequestBody } from './body-limit.js';
import { createDocsRoutes } from './docs-routes.js';
import { createErrorHandler, handleNotFound } from './error-handler.js';
import { createHealthRoutes, type HealthDeps } from './health-routes.js';
import { createRequestLogger } from './request-logger.js';
import { responseHeaders } from './response-headers.js';
import { validationHook } from './validation-hook.js';
import { createWebRoutes, type WebDeps } from '../web/web-routes.js';

export type { ApiDeps } from './api-routes.js';

export interface AppDeps {
  logger: Logger;
  health: HealthDeps;
  /** The /api/v1 routes; without them the app serves /health and the docs only. */
  api?: ApiDeps;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /** Options of the web UI, served at / whenever the API is mounted. */
  web?: Pick<WebDeps, 'temporalUiUrl' | 'isDemo'>;
}

/** The caller's address as the socket reports it (no proxy headers are trusted). */
export function readClientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** Builds the HTTP app from its dependencies; it never listens (src/main.ts does, tests use app.request). */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // The request id in X-Request-Id (the caller's, when it sends a sane one) and the security headers.
  app.use(responseHeaders());
  app.use(createRequestLogger(deps.logger));
  app.use('/api/*', limitRequestBody(deps.maxBodyBytes ?? 64 * 1024));
  app.route('/', createHealthRoutes(deps.health));
  app.route('/', createDocsRoutes());
  if (deps.api) app.route('/api/v1', createApiRoutes(deps.api, { logger: deps.logger, clientAddress: readClientAddress }));
  if (deps.api) app.route('/', createWebRoutes({ ...deps.web, db: deps.api.db, now: deps.api.now, callApi: (path, init) => Promise.resolve(app.request(path, init)) }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'case_engine_session' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Case engine API', version: '1.0.0', description: 'Cases as durable workflows: create, act (signals), read (Postgres read model), administer. Errors are application/problem+json (RFC 9457) with a stable `code`.' },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
  });
  app.notFound(handleNotFound);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
