import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from '../logger.js';
import { createErrorHandler, handleNotFound } from './error-handler.js';
import { createHealthRoutes, type HealthDeps } from './health-routes.js';

export interface AppDeps {
  logger: Logger;
  health: HealthDeps;
}

/** Builds the HTTP app from its dependencies; it never listens (src/main.ts does, tests use app.request). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requestId());
  app.use(secureHeaders());
  app.use(async (c, next) => {
    c.header('x-request-id', c.get('requestId'));
    await next();
  });
  app.route('/', createHealthRoutes(deps.health));
  app.notFound(handleNotFound);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
