import { createServer } from 'node:net';

/** The port the service is to listen on is taken. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is in use: stop what listens there, or set PORT to another port`);
    this.name = 'PortInUseError';
  }
}

/**
 * Fails at once when `port` cannot be listened on, before a long load: otherwise a busy port is
 * found only after the seeds are loaded. Listens and closes again; another process may still take
 * the port in between, and the real listen then fails the same way.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
