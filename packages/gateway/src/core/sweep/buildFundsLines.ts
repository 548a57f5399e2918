import type { FundsLine } from '../ports/FundsStore.ts';

/** An amount that reached (a confirmed payment) or left (a sweep movement) one deposit address. */
export type LedgerEntry = {
  readonly networkKey: string;
  /** Lower-case token contract; null for the native coin. */
  readonly contract: string | null;
  /** Lower-case deposit address. */
  readonly address: string;
  /** Base units. */
  readonly amount: bigint;
};

export type BuildFundsLinesParameters = {
  readonly received: Iterable<LedgerEntry>;
  readonly collected: Iterable<LedgerEntry>;
  /**
   * Native coin that reached a deposit address besides payments (top-ups), and native coin a
   * deposit address spent on its own fees. Neither is a payment or a collection, so neither shows
   * in `received` or `collected`; both change what the address still holds, so both count in
   * `awaiting`. Without them, a topup sweep's native fees would stay "awaiting" for ever, and a
   * top-up's leftover would never show.
   */
  readonly toppedUp?: Iterable<LedgerEntry>;
  readonly spentOnFees?: Iterable<LedgerEntry>;
};

type AddressTotals = { received: bigint; collected: bigint; gasIn: bigint; gasOut: bigint };

/** Which total of its address an entry adds to. */
export type LedgerSide = keyof AddressTotals;

/**
 * Per-address sums of the funds ledger, added an entry at a time: a large ledger can be read and
 * summed in pieces.
 */
export type FundsTally = {
  add(side: LedgerSide, entry: LedgerEntry): void;
  /** The lines so far, as `buildFundsLines` gives them. */
  lines(): FundsLine[];
};

/**
 * The funds ledger per network and asset. What awaits collection is worked out per address and
 * never below zero there: an address swept of more than its payments (a stray transfer, a top-up
 * left over) must not hide what another address still holds. Ordered by network key, then
 * contract with the native coin first.
 *
 * @example
 * buildFundsLines({ received: [{ networkKey: 'BSC', contract: null, address: '0xa', amount: 5n }], collected: [] });
 * // [{ networkKey: 'BSC', contract: null, received: 5n, collected: 0n, awaiting: 5n, awaitingAddresses: 1 }]
 */
export function buildFundsLines({
  received,
  collected,
  toppedUp = [],
  spentOnFees = [],
}: BuildFundsLinesParameters): FundsLine[] {
  const tally = createFundsTally();
  for (const entry of received) tally.add('received', entry);
  for (const entry of collected) tally.add('collected', entry);
  for (const entry of toppedUp) tally.add('gasIn', entry);
  for (const entry of spentOnFees) tally.add('gasOut', entry);
  return tally.lines();
}

/** An empty tally: `buildFundsLines` in steps, its entries added in any order. */
export function createFundsTally(): FundsTally {
  const assets = new Map<
    string,
    { networkKey: string; contract: string | null; addresses: Map<string, AddressTotals> }
  >();
  const totalsOf = (entry: LedgerEntry): AddressTotals => {
    const assetKey = `${entry.networkKey}\u0000${entry.contract ?? ''}`;
    let asset = assets.get(assetKey);
    if (asset === undefined) {
      asset = { networkKey: entry.networkKey, contract: entry.contract, addresses: new Map() };
      assets.set(assetKey, asset);
    }
    let totals = asset.addresses.get(entry.address);
    if (totals === undefined) {
      totals = { received: 0n, collected: 0n, gasIn: 0n, gasOut: 0n };
      asset.addresses.set(entry.address, totals);
    }
    return totals;
  };
  return {
    add(side, entry) {
      totalsOf(entry)[side] += entry.amount;
    },
    lines: () => {
      const lines = [...assets.values()].map(({ networkKey, contract, addresses }): FundsLine => {
        const line = { networkKey, contract, received: 0n, collected: 0n, awaiting: 0n, awaitingAddresses: 0 };
        for (const totals of addresses.values()) {
          line.received += totals.received;
          line.collected += totals.collected;
          const held = totals.received + totals.gasIn - totals.collected - totals.gasOut;
          if (held > 0n) {
            line.awaiting += held;
            line.awaitingAddresses += 1;
          }
        }
        return line;
      });
      // Fees and top-ups alone (a network with sweeps but no payment in that coin) are no funds line.
      return lines.filter((line) => line.received > 0n || line.collected > 0n || line.awaiting > 0n).sort(compareLines);
    },
  };
}

function compareLines(a: FundsLine, b: FundsLine): number {
  if (a.networkKey !== b.networkKey) return a.networkKey < b.networkKey ? -1 : 1;
  if (a.contract === b.contract) return 0;
  if (a.contract === null) return -1;
  if (b.contract === null) return 1;
  return a.contract < b.contract ? -1 : 1;
}
