import type { Context } from 'hono';
import type { Principal } from '../auth/principal.js';

/** Sends a request to the app itself (`app.request`), so every page goes through the API's own rules. */
export type CallApi = (path: string, init: RequestInit) => Promise<Response>;

export interface ApiAnswer<T> {
  status: number;
  data: T;
}

/**
 * The API as a page sees it: the caller's own session cookie forwarded, so the access matrix,
 * PII masking and CSRF checks of /api/v1 apply to the web UI unchanged.
 */
export interface WebApiClient {
  get<T>(c: Context, path: string): Promise<ApiAnswer<T>>;
  send<T>(c: Context, method: string, path: string, body: unknown, csrfToken: string, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  /** Logs in; answers the Set-Cookie headers to hand to the browser. */
  logIn(c: Context, email: string, password: string): Promise<{ status: number; principal: Principal | null; setCookies: string[] }>;
  /** The caller, or null when not logged in. */
  readPrincipal(c: Context): Promise<Principal | null>;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { detail: text };
  }
}

/** Builds the client over `callApi` (the app's in-process request function). */
export function createWebApiClient(callApi: CallApi): WebApiClient {
  const cookieOf = (c: Context): Record<string, string> => {
    const cookie = c.req.header('cookie');
    return cookie ? { cookie } : {};
  };
  const get = async <T>(c: Context, path: string): Promise<ApiAnswer<T>> => {
    const response = await callApi(`/api/v1${path}`, { method: 'GET', headers: cookieOf(c) });
    return { status: response.status, data: (await readJson(response)) as T };
  };
  return {
    get,
    async send<T>(c: Context, method: string, path: string, body: unknown, csrfToken: string, headers: Record<string, string> = {}) {
      const response = await callApi(`/api/v1${path}`, {
        method,
        headers: { ...headers, ...cookieOf(c), 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, data: (await readJson(response)) as T };
    },
    async logIn(c, email, password) {
      const userAgent = c.req.header('user-agent');
      const response = await callApi('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(userAgent ? { 'user-agent': userAgent } : {}) },
        body: JSON.stringify({ email, password }),
      });
      const data = (await readJson(response)) as { user?: Principal } | null;
      return { status: response.status, principal: data?.user ?? null, setCookies: response.headers.getSetCookie() };
    },
    async readPrincipal(c) {
      if (!c.req.header('cookie')) return null;
      const answer = await get<Principal>(c, '/auth/me');
      return answer.status === 200 ? answer.data : null;
    },
  };
}

/** The message of an API problem answer (RFC 9457), for showing to the user. */
export function describeProblem(answer: ApiAnswer<unknown>): string {
  const problem = answer.data as { detail?: string; title?: string; issues?: Array<{ field: string; message: string }> } | null;
  const fieldErrors = problem?.issues?.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return [problem?.detail ?? problem?.title ?? `HTTP ${answer.status}`, fieldErrors].filter(Boolean).join(': ');
}
