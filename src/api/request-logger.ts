import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import './api-context.js';

/** One structured log line a request: method, path, status, duration, request id and caller. */
export function createRequestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    // Every request passes here: below `info` (a quiet deployment, the bench) it costs nothing.
    if (!logger.isEnabled('info')) return next();
    const startedAt = performance.now();
    await next();
    const principal = c.get('principal');
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      userId: principal?.userId,
      role: principal?.role,
    });
  };
}
