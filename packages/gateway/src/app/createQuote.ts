import { createHash } from 'node:crypto';
import type { NetworkToken } from '../core/findToken.ts';
import { KassaError } from '../core/KassaError.ts';
import { convertUsdToToken } from '../core/money/convertUsdToToken.ts';
import { formatDecimal } from '../core/money/Decimal.ts';
import { parseAmount } from '../core/money/parseAmount.ts';
import type { Order } from '../core/Order.ts';
import type { Clock, Stores } from '../core/ports.ts';
import type { Quote } from '../core/Quote.ts';
import type { RateSource } from '../core/RateSource.ts';

export type CreateQuoteDeps = {
  readonly clock: Clock;
  readonly rateSource: RateSource;
  readonly deriveDepositAddress: (xpub: string, index: number) => string;
};

export type CreateQuoteParameters = NetworkToken & {
  readonly order: Order;
  /**
   * The address to reuse: one the same order already has on this network, from the network's
   * current xpub. Without it the quote gets a fresh address.
   */
  readonly depositAddress?: Pick<Quote, 'address' | 'addressIndex' | 'xpubId'>;
};

/**
 * Prices an order in a token at a deposit address: the rate from the rate source
 * (`rate_unavailable` when there is no fresh one), the amount rounded up (the payer owes it), and
 * `depositAddress`, else the next never-used index of the network's xpub. Writes through
 * `stores`, so a caller may run it inside a transaction.
 */
export async function createQuote(
  deps: CreateQuoteDeps,
  stores: Stores,
  { order, network, token, depositAddress }: CreateQuoteParameters,
): Promise<Quote> {
  const lookup = deps.rateSource.getRate(token.symbol);
  if (!lookup.ok) {
    throw new KassaError({
      code: 'rate_unavailable',
      message: `no fresh exchange rate for ${token.symbol} (${lookup.reason}); try again shortly`,
    });
  }
  const amount =
    order.priceUsdCents === null
      ? parseTokenPrice(order, token.decimals)
      : convertUsdToToken(order.priceUsdCents, lookup.rate, token.decimals);
  const { address, addressIndex, xpubId } =
    depositAddress ?? (await allocateDepositAddress(deps, stores, network.xpub));
  const nowMs = deps.clock.now();
  return stores.quotes.insertQuote({
    orderId: order.orderId,
    networkKey: network.key,
    tokenId: token.tokenId,
    symbol: token.symbol,
    contract: token.contract?.toLowerCase() ?? null,
    decimals: token.decimals,
    tokenRate: formatDecimal(lookup.rate),
    amount,
    address,
    addressIndex,
    xpubId,
    createdAtMs: nowMs,
    pricedAtMs: nowMs,
  });
}

/** The next never-used address of `xpub`: its counter moves in the caller's transaction, if any. */
async function allocateDepositAddress(
  deps: CreateQuoteDeps,
  stores: Stores,
  xpub: string,
): Promise<Pick<Quote, 'address' | 'addressIndex' | 'xpubId'>> {
  const xpubId = getXpubId(xpub);
  const addressIndex = await stores.addresses.allocateIndex(xpubId);
  return { address: deps.deriveDepositAddress(xpub, addressIndex).toLowerCase(), addressIndex, xpubId };
}

/** The short, stable name of an xpub's address counter: never the key itself, which stays in config. */
export function getXpubId(xpub: string): string {
  return createHash('sha256').update(xpub).digest('hex').slice(0, 16);
}

/** A token-denominated order owes its price exactly, in the token's base units. */
function parseTokenPrice(order: Order, decimals: number): bigint {
  const parsed = parseAmount(order.productPrice, decimals);
  // The price was validated against this token when the order was made; failing here is a bug.
  if (!parsed.ok)
    throw new Error(`order ${order.orderId}: price ${order.productPrice} does not fit ${decimals} decimals`);
  return parsed.value;
}
