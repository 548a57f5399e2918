import type { Network } from '../core/network.ts';
import type { FundsLine, SweepCostLine } from '../core/ports.ts';

/** One asset's line, with the token as the config names it. */
export type FundsReportLine = FundsLine & {
  /** The configured symbol; the contract address for a token the config does not list; 'native' for an unknown network's coin. */
  readonly token: string;
  /** As the network's kind writes it on the wire (TRON: `T…`); as the ledger holds it on an unknown network. */
  readonly contract: string | null;
  /** Null when the config does not list the token: amounts can only be shown in base units. */
  readonly decimals: number | null;
};

/** One network's sweep costs, with its native coin as the config names it. */
export type SweepCostReportLine = SweepCostLine & {
  readonly nativeSymbol: string;
  /** Null for a network the config does not list (the sandbox's DEV network, added at run time). */
  readonly nativeDecimals: number | null;
};

export type FundsReport = {
  readonly funds: readonly FundsReportLine[];
  readonly costs: readonly SweepCostReportLine[];
};

export type BuildFundsReportParameters = {
  readonly funds: readonly FundsLine[];
  readonly costs: readonly SweepCostLine[];
  /** The configured networks, where symbols and decimals are looked up. */
  readonly networks: readonly Network[];
};

/**
 * Names each ledger line's token from the config. The ledger keeps contracts only: a token taken off
 * the config, or a network added at run time, still shows, under its contract and in base units.
 */
export function buildFundsReport({ funds, costs, networks }: BuildFundsReportParameters): FundsReport {
  const networkOf = (networkKey: string) => networks.find((n) => n.key === networkKey);
  const tokenOf = (networkKey: string, contract: string | null) =>
    networkOf(networkKey)?.tokens.find((t) => (t.contract === null ? null : t.contract.toLowerCase()) === contract);
  return {
    funds: funds.map((line) => {
      const token = tokenOf(line.networkKey, line.contract);
      const kind = networkOf(line.networkKey)?.kind;
      const contract =
        line.contract === null || kind === undefined ? line.contract : kind.formatWireAddress(line.contract);
      return { ...line, contract, token: token?.symbol ?? contract ?? 'native', decimals: token?.decimals ?? null };
    }),
    costs: costs.map((line) => {
      const native = tokenOf(line.networkKey, null);
      return { ...line, nativeSymbol: native?.symbol ?? 'native', nativeDecimals: native?.decimals ?? null };
    }),
  };
}
