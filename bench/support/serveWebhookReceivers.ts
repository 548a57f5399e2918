// Merchant endpoints for bench/webhooks.ts, in their own process so they do not take the
// dispatcher's CPU: ten healthy ones answering `success` at once, and one that accepts the
// connection and never answers. Prints one JSON line {healthy: [url…], dead: url}.
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HEALTHY_ENDPOINTS = 10;
const servers: Server[] = [];
const hung: ServerResponse[] = [];

async function listen(server: Server): Promise<string> {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa/webhook`;
}

const healthy: string[] = [];
for (let i = 0; i < HEALTHY_ENDPOINTS; i++) {
  healthy.push(
    await listen(
      createServer((request, response) => {
        request.resume();
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end('success');
        });
      }),
    ),
  );
}
const dead = await listen(
  createServer((request, response) => {
    request.resume();
    hung.push(response);
  }),
);
process.stdout.write(`${JSON.stringify({ healthy, dead })}\n`);
process.on('SIGTERM', () => {
  for (const response of hung) response.destroy();
  for (const server of servers) server.closeAllConnections();
  process.exit(0);
});
