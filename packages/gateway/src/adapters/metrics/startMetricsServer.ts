import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Readiness } from '../http/createReadiness.ts';

export type StartMetricsServerParameters = {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  /** Also answers `/readyz` here, for processes that serve no API (`--role watcher`). */
  readonly readiness: Pick<Readiness, 'check'>;
  readonly onError: (error: unknown) => void;
};

export type MetricsServer = {
  /** `http://host:port`, as bound. */
  readonly url: string;
  close(): Promise<void>;
};

/**
 * The metrics listener: `GET /metrics` (Prometheus text format), `/healthz` and `/readyz`, on an
 * address of its own (loopback by default), so metrics never become public by accident with the API.
 */
export async function startMetricsServer({
  host,
  port,
  registry,
  readiness,
  onError,
}: StartMetricsServerParameters): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const answer = (status: number, contentType: string, body: string) =>
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'text/plain', 'method not allowed\n');
    const work =
      path === '/metrics'
        ? registry.metrics().then((text) => answer(200, registry.contentType, text))
        : path === '/readyz'
          ? readiness
              .check()
              .then((report) =>
                answer(report.status === 'ready' ? 200 : 503, 'application/json', JSON.stringify(report)),
              )
          : path === '/healthz'
            ? Promise.resolve(answer(200, 'application/json', '{"status":"ok"}'))
            : Promise.resolve(answer(404, 'text/plain', 'not found\n'));
    work.catch((error: unknown) => {
      onError(error);
      if (!response.headersSent) answer(500, 'text/plain', 'metrics could not be collected\n');
    });
  });
  // A scraper holds no connection open for long.
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
