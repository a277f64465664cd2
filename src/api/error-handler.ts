import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../logger.js';

/** RFC 9457 problem details; `code` is stable for tooling, `requestId` ties it to the logs. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
}

const problemContentType = 'application/problem+json';

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': problemContentType },
  });
}

export const handleNotFound: NotFoundHandler = (c) =>
  problemResponse({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    code: 'not_found',
    detail: `no route for ${c.req.method} ${c.req.path}`,
    requestId: c.get('requestId'),
  });

/** One error handler: known HTTP errors keep their status, anything else is a logged 500 without a stack. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse({
        type: 'about:blank',
        title: error.message || 'Bad Request',
        status: error.status,
        code: error.status === 413 ? 'payload_too_large' : 'bad_request',
        requestId,
      });
    }
    logger.error('request failed', { requestId, method: c.req.method, path: c.req.path, error });
    return problemResponse({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal_error',
      detail: 'the server could not complete the request; quote the request id when reporting it',
      requestId,
    });
  };
}
