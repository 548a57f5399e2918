import type { NetworkKind } from '../network.ts';
import type { ConsoleSearchKeys } from '../ports/ConsoleQueries.ts';

/** Longer text is no key Kassa stores: it is searched as typed, cut here. */
const MAX_SEARCH_LENGTH = 256;
const ORDER_ID = /^\d{33}$/;
const HEX_ADDRESS = /^0x[0-9a-f]{40}$/i;
const TXID = /^(?:0x)?([0-9a-f]{64})$/i;

/**
 * Reads a search box as every key it can be: always a merchant order id (merchants choose any
 * text); a Kassa order id when it has 33 digits; an address in any case of its hex, or in the form
 * of one of `kinds` (TRON's `T…`); a transaction id with or without `0x`. Keys come out in the form
 * the database holds them (lower-case 0x hex). Null for a blank box.
 *
 * @example
 * parseConsoleSearch('0xAbC…', kinds) // { merchantOrderId: '0xAbC…', address: '0xabc…' }
 */
export function parseConsoleSearch(text: string, kinds: readonly NetworkKind[]): ConsoleSearchKeys | null {
  const term = text.trim().slice(0, MAX_SEARCH_LENGTH);
  if (term === '') return null;
  const txid = TXID.exec(term)?.[1];
  return {
    merchantOrderId: term,
    ...(ORDER_ID.test(term) ? { orderId: term } : {}),
    ...withAddress(term, kinds),
    ...(txid === undefined ? {} : { txid: `0x${txid.toLowerCase()}` }),
  };
}

function withAddress(term: string, kinds: readonly NetworkKind[]): { address?: string } {
  if (HEX_ADDRESS.test(term)) return { address: term.toLowerCase() };
  for (const kind of kinds) {
    const parsed = kind.parseAddress(term);
    if (parsed.ok) return { address: parsed.value.toLowerCase() };
  }
  return {};
}
