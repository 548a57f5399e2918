/** A coin on one network, as configured. `contract` is null for the network's native coin. */
export type Token = {
  /** Stable UUID derived from network key and contract: identical on every installation. */
  readonly tokenId: string;
  readonly networkKey: string;
  readonly symbol: string;
  readonly name: string;
  readonly contract: `0x${string}` | null;
  readonly decimals: number;
  /** Stablecoins are priced at 1 USD by the fixed rate source. */
  readonly isStable: boolean;
};

/** One EVM network Kassa watches. A network without RPC URLs is not offered. */
export type Network = {
  /** `ETH`, `BSC`, `POLYGON`, `ARBITRUM`, `BASE`, `OPTIMISM`, `DEV`, ... */
  readonly key: string;
  readonly chainId: number;
  /** The token standard label shown on the wire: `ERC20`, `BEP20`, ... */
  readonly standard: string;
  readonly rpcUrls: readonly string[];
  readonly confirmations: number;
  /**
   * Blocks after which the network no longer reorganises a block: until then the watcher keeps the
   * block's hash, so a reorg that removes a payment in it still fails the payment. Absent on
   * networks built by hand (tests, benchmarks): the watcher's minimum applies.
   */
  readonly finalityDepth?: number;
  readonly blockTimeSeconds: number;
  /** Extended public key deposit addresses are derived from (`xpub/0/<index>`). */
  readonly xpub: string;
  readonly tokens: readonly Token[];
  /** Where and how `kassa sweep` collects the deposits; absent on networks built by hand. */
  readonly sweep?: NetworkSweepSettings;
};

/** A network's sweep settings (`networks.sweepTo`, `networks.<KEY>.sweepTo|sweepStrategy|sweepDust`). */
export type NetworkSweepSettings = {
  /** The EIP-55 destination of every sweep; null when none is configured (sweeping is refused). */
  readonly to: `0x${string}` | null;
  /** `auto`: EIP-7702 when the sweeper for `to` is deployed on the network, else top-up. */
  readonly strategy: 'auto' | 'eip7702' | 'topup';
  /** Per token symbol, the decimal amount below which a balance stays put (dust). */
  readonly dust: Readonly<Record<string, string>>;
};

/** One on-chain transfer into some address, as read from a block. */
export type Transfer = {
  readonly networkKey: string;
  readonly txid: `0x${string}`;
  /** Log index for ERC-20 transfers; -1 for a native transfer (one per transaction). */
  readonly logIndex: number;
  readonly blockNumber: bigint;
  readonly blockHash: `0x${string}`;
  readonly from: `0x${string}`;
  /** Lower-cased recipient. */
  readonly to: `0x${string}`;
  /** Token contract (lower-cased), or null for the native coin. */
  readonly contract: `0x${string}` | null;
  readonly amount: bigint;
};
