import { Agent, request } from 'node:http';

/**
 * Keep-alive connections for the open-loop senders. They share two cores with the system under
 * test, so the sender is kept light: node:http costs a fraction of what `fetch` (undici, streams,
 * WHATWG objects) spends per request (bench `api`: CPU per note billed to the load generator).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface JsonResponse {
  status: number;
  body: string;
}

/** POSTs `body` as JSON over a pooled keep-alive connection; resolves with the status and the whole body. */
export function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<JsonResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
