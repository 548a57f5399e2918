import { createServer } from 'node:net';
import { explainAddressInUse } from './explainAddressInUse.ts';

/** Fails with a one-line explanation when something already listens on the sandbox's address. */
export function assertAddressFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(explainAddressInUse(error, `${host}:${port}`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
