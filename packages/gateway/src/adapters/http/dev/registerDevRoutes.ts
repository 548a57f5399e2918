import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import type { DevWallet } from '../../chains/evm/createDevWallet.ts';
import type { KassaDb } from '../../db/createDb.ts';
import type { WebhookInbox } from './createWebhookInbox.ts';
import { INBOX_PAGE_CSP } from './devPageCsp.ts';
import { registerDevAssets } from './registerDevAssets.ts';
import { registerDevWalletRoutes } from './registerDevWalletRoutes.ts';
import { registerSandboxSweepRoute } from './registerSandboxSweepRoute.ts';
import { renderInboxPage } from './renderInboxPage.tsx';
import type { SandboxSweep, SandboxSweepState } from './SandboxSweepState.ts';

export type RegisterDevRoutesOptions = {
  readonly deps: Deps;
  readonly kassaDb: KassaDb;
  /** Pays on the sandbox's devnet (`DEV`), and on any network without a wallet of its own below. */
  readonly wallet: DevWallet;
  /** The wallets of the sandbox's other networks by key (`TRON_DEV`): an order is paid on its quote's network. */
  readonly networkWallets?: Readonly<Record<string, DevWallet>>;
  readonly inbox: WebhookInbox;
  /** The sandbox sweep behind the inbox page's button (`POST /dev/sweep`); absent: no button. */
  readonly sweep?: SandboxSweep;
};

/** The sandbox's inbox receiver path; the sandbox app's webhook URL is `<public URL>` + this. */
export const DEV_INBOX_RECEIVE_PATH = '/dev/inbox/receive';

/**
 * The sandbox's own endpoints, registered by `kassa dev` only: the sandbox wallet
 * (`POST /dev/wallet/pay`, `POST /dev/wallet/expire`, posted by the panel on the checkout page)
 * and the webhook inbox (`POST /dev/inbox/receive`, `GET /dev/inbox`, `GET /dev/inbox.json`).
 * Wallet calls answer 303 back to the checkout page, or JSON when the client asks for it.
 */
export async function registerDevRoutes(fastify: FastifyInstance, options: RegisterDevRoutesOptions) {
  const { deps, kassaDb, inbox } = options;
  const sweepState: SandboxSweepState | undefined =
    options.sweep === undefined ? undefined : { lastResult: null, isRunning: false };
  // Raw bytes for every body in this scope: the inbox verifies signatures over exactly those.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  registerDevAssets(fastify);

  fastify.post(DEV_INBOX_RECEIVE_PATH, async (request, reply) => {
    const entry = await inbox.receive({ headers: request.headers, rawBody: rawBodyOf(request) });
    reply.header('content-type', 'text/plain; charset=utf-8');
    // Like the SDK's ready handlers: acknowledge only what verified, so a bad signature is retried.
    return entry.isVerified ? reply.send('success') : reply.code(401).send(entry.problem ?? 'not verified');
  });
  fastify.get('/dev/inbox', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', INBOX_PAGE_CSP)
      .header('cache-control', 'no-store')
      .send(renderInboxPage(inbox.list(), sweepState)),
  );
  if (options.sweep !== undefined && sweepState !== undefined) {
    registerSandboxSweepRoute(fastify, { sweep: options.sweep, state: sweepState, clock: deps.clock });
  }
  fastify.get('/dev/inbox.json', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      webhooks: inbox.list().map((entry) => ({
        seq: entry.seq,
        received_at: Math.floor(entry.receivedAtMs / 1000),
        verified: entry.isVerified,
        problem: entry.problem,
        headers: entry.headers,
        body: entry.body,
      })),
    }),
  );

  registerDevWalletRoutes(fastify, {
    deps,
    kassaDb,
    wallet: options.wallet,
    ...(options.networkWallets === undefined ? {} : { networkWallets: options.networkWallets }),
  });
}

function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
