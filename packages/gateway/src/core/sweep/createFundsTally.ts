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
