import { createServer } from 'node:net';

/** Fails with one line naming the variable to change when host:port is taken or not allowed. */
export async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'is already in use'
          : error.code === 'EACCES'
            ? 'needs privileges this process does not have'
            : `cannot be bound (${error.code ?? error.message})`;
      reject(new Error(`port ${port} on ${host} ${reason}: stop what holds it or set ${variable} to a free port`));
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
