import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/**
 * Node's own request and response under @hono/node-server, for middleware that reads parsed
 * headers or writes the response head without Hono's fetch objects. Absent without a Node server:
 * `app.request()` in tests and the pages' in-process API calls.
 */
export const readNodeBindings = (c: Context): Partial<HttpBindings> | undefined => c.env as Partial<HttpBindings> | undefined;
