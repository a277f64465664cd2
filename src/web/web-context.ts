import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client.js';
import type { Principal } from '../auth/principal.js';
import '../api/api-context.js';
import { canOpenSection, type WebSection } from './page-access.js';
import type { WebApiClient } from './web-api-client.js';

/** What every page module needs. */
export interface WebContext {
  api: WebApiClient;
  /** Reference data for pick lists (queues, agents) that the API keeps admin-only. */
  db: Db;
  now: () => Date;
  /** Temporal UI base address, for "open in Temporal UI" links; absent when none runs. */
  temporalUiUrl?: string;
  /** Lists the demo users on the login page (development). */
  isDemo: boolean;
}

/**
 * Lets only the roles of a desk in: no session → the login page; a role outside the desk → 403.
 * The principal comes from the API (`/auth/me`), so the page and the API agree on who is calling.
 */
export function requireSection(web: WebContext, section: WebSection): MiddlewareHandler {
  return async (c, next) => {
    const principal = await web.api.readPrincipal(c);
    if (!principal) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    if (!canOpenSection(principal.role, section)) return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not allowed · Case engine</title><link rel="stylesheet" href="/assets/app.css"></head><body><main id="main"><h1>Not allowed</h1><p>The ${principal.role} role may not open this page.</p><p><a href="/">Back to your desk</a></p></main></body></html>`, 403);
    c.set('principal', principal);
    await next();
  };
}

/** The caller of a guarded page. */
export function readWebPrincipal(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('readWebPrincipal outside requireSection');
  return principal;
}

/** Reads a form field as trimmed text ('' when absent). */
export function readField(form: Record<string, string | File | (string | File)[]>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** True when the page was asked for as a live fragment (by /assets/app.js). */
export const isFragmentRequest = (c: Context): boolean => c.req.header('x-fragment') === '1';
