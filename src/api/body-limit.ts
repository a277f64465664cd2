import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.js';
import { readNodeBindings } from './node-bindings.js';

/**
 * Refuses request bodies over `maxBytes` with 413 `payload_too_large`.
 *
 * On the product's server (@hono/node-server) a body sent with a Content-Length is judged by Node's
 * parsed header alone: Node's parser reads exactly that many bytes as the body (and refuses a
 * request that also says Transfer-Encoding), so nothing longer can reach a route. hono/body-limit
 * reads `c.req.raw.body` first, which makes node-server build a whole fetch Request for every POST
 * and give up its direct read of the body: ~14% of the API's own CPU per note (bench api, profile
 * at 100 notes/s). A chunked body, or a request without Node's (`app.request()`), still goes
 * through hono/body-limit, which counts the bytes as they stream in.
 */
export function limitRequestBody(maxBytes: number): MiddlewareHandler {
  const refuse = (): never => {
    throw new ApiError(413, 'payload_too_large', `request bodies are limited to ${maxBytes} bytes`);
  };
  const countStreamedBody = bodyLimit({ maxSize: maxBytes, onError: refuse });
  return async (c, next) => {
    // GET and HEAD carry no body the API reads.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const headers = readNodeBindings(c)?.incoming?.headers;
    if (!headers || headers['transfer-encoding'] !== undefined) return countStreamedBody(c, next);
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBytes) refuse();
    return next();
  };
}
