import { createServer } from 'node:http';
import { announceListening } from '../lib/announce-listening.js';

/** The lowest floor: Node's HTTP server answering a small JSON, no framework, no I/O. */
const responseBody = JSON.stringify({ status: 'ok', service: 'bare-node' });

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(responseBody) });
  response.end(responseBody);
});
server.listen(0, '127.0.0.1', () => announceListening(server));
