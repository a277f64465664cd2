import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Db } from '../../db/client.js';
import { findCaseAccessFacts } from '../../db/case-repository.js';
import { requirePrincipal } from './api-context.js';
import { isCaseVisibleTo } from './case-access.js';
import type { CaseChangeHub, CaseChangeNotice } from './case-change-hub.js';
import { problemResponses } from './common-schemas.js';
import { createRouter } from './create-router.js';

const eventsRoute = createRoute({
  method: 'get', path: '/events', tags: ['events'], summary: 'Server-sent events: `case_changed` for every case the caller may see',
  responses: { 200: { description: 'text/event-stream; first event `ready`', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 401: problemResponses[401] },
});

const keepAliveMs = 25_000;

/** `GET /events`: relays Postgres NOTIFY of case changes, filtered to the caller's cases. */
export function createEventStreamRoutes(deps: { db: Db; hub: CaseChangeHub }) {
  const routes = createRouter();
  routes.openapi(eventsRoute, (c) => {
    const principal = requirePrincipal(c);
    return streamSSE(c, async (stream) => {
      const queue: CaseChangeNotice[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = await deps.hub.subscribe((notice) => {
        queue.push(notice);
        wake?.();
      });
      stream.onAbort(() => wake?.());
      // Proxies drop idle connections; a comment every 25 s keeps the stream open.
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => undefined), keepAliveMs);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ role: principal.role }) });
        while (!stream.aborted && !stream.closed) {
          const notice = queue.shift();
          if (!notice) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          const facts = principal.role === 'customer' ? await findCaseAccessFacts(deps.db, notice.caseId) : null;
          if (principal.role === 'customer' && (!facts || !isCaseVisibleTo(principal, facts.customerId))) continue;
          await stream.writeSSE({ event: 'case_changed', id: `${notice.caseId}:${notice.sequence}`, data: JSON.stringify(notice) });
        }
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
      }
    });
  });
  return routes;
}
