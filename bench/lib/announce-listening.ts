import type { AddressInfo } from 'node:net';
import { listeningLinePrefix } from './start-child-server.js';

interface ClosableServer {
  address(): AddressInfo | string | null;
  close(callback?: (error?: Error) => void): unknown;
}

/**
 * Called by a server module run through startChildServer once it listens: tells the parent the
 * URL, and closes the server (then runs `onClose`) on SIGTERM or when the parent goes away.
 */
export function announceListening(server: ClosableServer, onClose: () => Promise<void> = async () => undefined): void {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server must listen on a TCP port');
  process.stdout.write(`${listeningLinePrefix}http://127.0.0.1:${address.port}\n`);

  let isClosing = false;
  const close = () => {
    if (isClosing) return;
    isClosing = true;
    server.close();
    // Keep-alive load connections would hold close() open; the figures are already taken.
    onClose().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  process.stdin.once('end', close).resume();
}
