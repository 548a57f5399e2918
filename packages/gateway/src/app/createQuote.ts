import type { NetworkToken } from '../core/findToken.ts';
import { convertUsdToToken } from '../core/money/convertUsdToToken.ts';
import { formatDecimal } from '../core/money/Decimal.ts';
import { parseAmount } from '../core/money/parseAmount.ts';
import type { Order } from '../core/Order.ts';
import type { NewQuote, Stores } from '../core/ports.ts';
import type { Quote } from '../core/Quote.ts';
import { requireFreshRate } from '../core/requireFreshRate.ts';
import type { Deps } from './Deps.ts';
import { getXpubId } from './getXpubId.ts';

export type CreateQuoteDeps = Pick<Deps, 'clock' | 'rateSource' | 'deriveDepositAddress'> & {
  /** The stores to write through: a caller's transaction, so the quote commits with its other writes. */
  readonly tx: Stores;
};

/** A quote's price: everything but its address. */
export type QuotePrice = Omit<NewQuote, 'address' | 'addressIndex' | 'xpubId'>;

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
 * `deps.tx`.
 */
export async function createQuote(
  deps: CreateQuoteDeps,
  { order, network, token, depositAddress }: CreateQuoteParameters,
): Promise<Quote> {
  const price = priceQuote(deps, { order, network, token });
  // Picked field by field: a caller may pass a whole quote as `depositAddress`.
  const { address, addressIndex, xpubId } = depositAddress ?? (await allocateDepositAddress(deps, network.xpub));
  return deps.tx.quotes.insertQuote({ ...price, address, addressIndex, xpubId });
}

/**
 * Prices `order` in `token` now: `rate_unavailable` when there is no fresh rate, the amount
 * rounded up (the payer owes it).
 */
export function priceQuote(
  deps: Pick<Deps, 'clock' | 'rateSource'>,
  { order, network, token }: NetworkToken & { readonly order: Order },
): QuotePrice {
  const rate = requireFreshRate(deps.rateSource, token.symbol);
  const amount =
    order.priceUsdCents === null
      ? parseTokenPrice(order, token.decimals)
      : convertUsdToToken(order.priceUsdCents, rate, token.decimals);
  const nowMs = deps.clock.now();
  return {
    orderId: order.orderId,
    networkKey: network.key,
    tokenId: token.tokenId,
    symbol: token.symbol,
    contract: token.contract?.toLowerCase() ?? null,
    decimals: token.decimals,
    tokenRate: formatDecimal(rate),
    amount,
    createdAtMs: nowMs,
    pricedAtMs: nowMs,
  };
}

/** The next never-used address of `xpub`: its counter moves in the caller's transaction, if any. */
async function allocateDepositAddress(
  deps: CreateQuoteDeps,
  xpub: string,
): Promise<Pick<Quote, 'address' | 'addressIndex' | 'xpubId'>> {
  const xpubId = getXpubId(xpub);
  const addressIndex = await deps.tx.addresses.allocateIndex(xpubId);
  return { address: deps.deriveDepositAddress(xpub, addressIndex).toLowerCase(), addressIndex, xpubId };
}

/** A token-denominated order owes its price exactly, in the token's base units. */
function parseTokenPrice(order: Order, decimals: number): bigint {
  const parsed = parseAmount(order.productPrice, decimals);
  // An invariant, not a caller's mistake: the price was validated against this token when the
  // order was made, so failing here is a bug.
  if (!parsed.ok)
    throw new Error(`order ${order.orderId}: price ${order.productPrice} does not fit ${decimals} decimals`);
  return parsed.value;
}
