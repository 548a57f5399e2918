import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoopbackListener = {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Drops open connections (keep-alive ones would hold `close` for seconds) and stops listening. */
  close(): Promise<void>;
};

/**
 * Listens on a free port of 127.0.0.1 (the port is the kernel's pick: no race between choosing and
 * binding) for the small local servers the sandbox and tests run beside the gateway.
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
