import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Address } from 'viem';
import type { Deps } from '../../../app/Deps.ts';
import { getCheckoutState } from '../../../app/getCheckoutState.ts';
import type { Payment } from '../../../core/Payment.ts';
import type { DevWallet } from '../../chains/evm/createDevWallet.ts';
import type { KassaDb } from '../../db/createDb.ts';
import { endOrderValidPeriod } from '../../db/endOrderValidPeriod.ts';
import { DEV_PAGE_CSP } from './devPageCsp.ts';
import { getSandboxPayment, SANDBOX_PORTIONS, type SandboxPortion } from './getSandboxPayment.ts';
import { renderWalletRefusalPage } from './renderWalletRefusalPage.tsx';

export type RegisterDevWalletRoutesOptions = {
  readonly deps: Deps;
  readonly kassaDb: KassaDb;
  /** Pays on the sandbox's devnet, and on any network without a wallet in `networkWallets`. */
  readonly wallet: DevWallet;
  /** The wallet of each other sandbox network by key (`TRON_DEV`): an order is paid on its quote's network. */
  readonly networkWallets?: Readonly<Record<string, DevWallet>>;
};

/** How long a wallet payment waits for the watcher to record it before answering anyway. */
const RECORD_WAIT_MS = 5_000;
const RECORD_POLL_MS = 50;

/**
 * The sandbox wallet (`POST /dev/wallet/pay`, `POST /dev/wallet/expire`, posted by the panel on the
 * checkout page): real transactions from the test account on the chain of the order's network.
 * Answers 303 back to the checkout page, or JSON when the client asks for it.
 */
export function registerDevWalletRoutes(fastify: FastifyInstance, options: RegisterDevWalletRoutesOptions) {
  const { deps, kassaDb, wallet, networkWallets = {} } = options;

  fastify.post('/dev/wallet/pay', async (request, reply) => {
    const form = readForm(request);
    if (form === null) return refuse(request, reply, 403, 'cross-site form posts are refused');
    const portion = form.get('portion') ?? 'exact';
    const token = form.get('token') ?? '';
    if (!isSandboxPortion(portion))
      return refuse(request, reply, 400, `portion must be one of ${SANDBOX_PORTIONS.join(', ')}`, token);
    const state = await getCheckoutState(deps, { checkoutToken: token });
    if (state === null) return refuse(request, reply, 404, 'no order with that checkout token');
    const payment = getSandboxPayment(state, portion);
    if (payment === null) return refuse(request, reply, 409, 'pick a coin on the checkout page first', token);
    // Addresses and contracts are held as the 0x hex both kinds' JSON-RPC takes, TRON's included.
    const txid = await (networkWallets[payment.quote.networkKey] ?? wallet).pay({
      to: payment.quote.address as Address,
      contract: payment.quote.contract as Address | null,
      amount: payment.amount,
    });
    request.log.info({ txid, orderId: state.order.orderId, portion }, 'sandbox wallet paid');
    const recorded = await waitForPayment(deps, state.order.orderId, txid);
    const kind = state.network?.kind;
    return answer(request, reply, token, {
      txid: kind === undefined ? txid : kind.formatTxid(txid),
      to: kind === undefined ? payment.quote.address : kind.formatWireAddress(payment.quote.address),
      amount: payment.amount.toString(),
      status: recorded?.status ?? null,
    });
  });

  fastify.post('/dev/wallet/expire', async (request, reply) => {
    const form = readForm(request);
    if (form === null) return refuse(request, reply, 403, 'cross-site form posts are refused');
    const token = form.get('token') ?? '';
    const order = await deps.store.orders.findOrderByCheckoutToken(token);
    if (order === null) return refuse(request, reply, 404, 'no order with that checkout token');
    // Every sandbox chain: the buyer may still pick a coin on any of them and pay late there.
    const others = Object.values(networkWallets).filter((w) => w !== wallet);
    const [chainTimeMs] = await Promise.all([
      wallet.moveTimePast(order.expiresAtMs),
      ...others.map((w) => w.moveTimePast(order.expiresAtMs)),
    ]);
    const nowMs = deps.clock.now();
    const hasEnded = await endOrderValidPeriod(kassaDb.db, {
      orderId: order.orderId,
      nowMs,
      latePaymentWindowSeconds: deps.config.orders.latePaymentWindowSeconds,
    });
    return answer(request, reply, token, {
      expired_at: Math.floor(Math.min(nowMs, order.expiresAtMs) / 1000),
      chain_time: Math.floor((chainTimeMs ?? nowMs) / 1000),
      changed: hasEnded,
    });
  });
}

/**
 * Waits (briefly) until the watcher has recorded the payment, so the page the browser is sent back
 * to already shows it, and the wallet's amounts are computed from the new balance. Null when the
 * watcher did not record it in time (not running, or busy); the page then catches up live.
 */
async function waitForPayment(deps: Deps, orderId: string, txid: string): Promise<Payment | null> {
  const deadlineMs = Date.now() + RECORD_WAIT_MS;
  for (;;) {
    const payments = await deps.store.payments.listPaymentsForOrders([orderId]);
    const found = payments.find((p) => p.txid.toLowerCase() === txid.toLowerCase());
    if (found !== undefined || Date.now() >= deadlineMs) return found ?? null;
    await new Promise((resolve) => setTimeout(resolve, RECORD_POLL_MS));
  }
}

/**
 * The form fields, or null for a post another site's page made: the wallet only moves devnet
 * funds, but a page elsewhere has no business pressing its buttons.
 */
function readForm(request: FastifyRequest): URLSearchParams | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return null;
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  return new URLSearchParams(body.toString('utf8'));
}

function isSandboxPortion(value: string): value is SandboxPortion {
  return (SANDBOX_PORTIONS as readonly string[]).includes(value);
}

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/** Back to the checkout page after a form post (303: the browser follows with a GET), or JSON for scripts. */
function answer(request: FastifyRequest, reply: FastifyReply, token: string, data: Record<string, unknown>) {
  if (wantsJson(request)) return reply.send(data);
  return reply
    .code(303)
    .header('location', `/pay/${encodeURIComponent(token)}`)
    .send();
}

/** A refused wallet call: a short page linking back to the order, or `{ error }` for scripts. */
function refuse(request: FastifyRequest, reply: FastifyReply, statusCode: number, message: string, token?: string) {
  reply.code(statusCode);
  if (wantsJson(request)) return reply.send({ error: message });
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', DEV_PAGE_CSP)
    .send(renderWalletRefusalPage(message, token));
}
