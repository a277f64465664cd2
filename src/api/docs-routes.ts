import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const swaggerDistDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

// Served from the installed package, never a CDN: the docs must work offline.
const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'favicon-32x32.png': { file: 'favicon-32x32.png', type: 'image/png' },
};
const assetCache = new Map<string, Buffer>();

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case engine API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"><link rel="icon" href="/api/docs/assets/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// A separate script (not inline) so the page runs under a strict Content-Security-Policy.
const initScript = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', withCredentials: true });`;

/** `GET /api/docs`: Swagger UI over /api/openapi.json, its assets served from node_modules. */
export function createDocsRoutes(): Hono {
  const routes = new Hono();
  routes.get('/api/docs', (c) => c.html(docsPage));
  routes.get('/api/docs/init.js', (c) => c.body(initScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  routes.get('/api/docs/assets/:name', (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.notFound();
    let bytes = assetCache.get(asset.file);
    if (!bytes) {
      bytes = readFileSync(path.join(swaggerDistDir, asset.file));
      assetCache.set(asset.file, bytes);
    }
    return c.body(new Uint8Array(bytes), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  });
  return routes;
}
