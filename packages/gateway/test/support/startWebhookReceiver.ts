import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export type ReceivedWebhook = {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body bytes as received. */
  readonly rawBody: Buffer;
};

/** How the receiver answers a path: `hang` never answers. */
export type ReceiverAnswer =
  | {
      readonly status: number;
      readonly body: string;
      readonly headers?: Readonly<Record<string, string>>;
      /** Answer this much later (a slow merchant). */
      readonly delayMs?: number;
    }
  | 'hang';

export type WebhookReceiver = {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly received: ReceivedWebhook[];
  /** Most requests open at once per path (hung ones included). */
  readonly peakOpenByPath: Map<string, number>;
  close(): Promise<void>;
};

/** A real merchant endpoint on loopback: answers each path as `answerFor` says and records every request. */
export async function startWebhookReceiver(
  answerFor: (path: string, rawBody: Buffer) => ReceiverAnswer,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const peakOpenByPath = new Map<string, number>();
  const openByPath = new Map<string, number>();
  const hung = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const open = (openByPath.get(path) ?? 0) + 1;
      openByPath.set(path, open);
      peakOpenByPath.set(path, Math.max(open, peakOpenByPath.get(path) ?? 0));
      response.on('close', () => openByPath.set(path, (openByPath.get(path) ?? 1) - 1));
      const rawBody = Buffer.concat(chunks);
      received.push({ path, headers: request.headers, rawBody });
      const answer = answerFor(path, rawBody);
      if (answer === 'hang') {
        hung.add(response);
        return;
      }
      const respond = () => {
        response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        response.end(answer.body);
      };
      if (answer.delayMs === undefined) respond();
      else setTimeout(respond, answer.delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    peakOpenByPath,
    close: async () => {
      for (const response of hung) response.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
