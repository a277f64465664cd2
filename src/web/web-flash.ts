import type { Context } from 'hono';
import type { Flash } from './page-layout.js';

/** Reads the one-shot message a redirect carried in the query (`?ok=` or `?error=`). */
export function readFlash(c: Context): Flash | null {
  const error = c.req.query('error');
  if (error) return { kind: 'error', text: error.slice(0, 500) };
  const ok = c.req.query('ok');
  return ok ? { kind: 'ok', text: ok.slice(0, 500) } : null;
}

/** A path with a message for the next page (post/redirect/get). */
export function withFlash(path: string, flash: Flash): string {
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${flash.kind}=${encodeURIComponent(flash.text)}`;
}
