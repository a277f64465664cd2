import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation-hook.js';

/** A sub-app whose routes join the OpenAPI document and share the one validation hook. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationHook });
}
