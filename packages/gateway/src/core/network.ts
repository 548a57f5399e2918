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

/**
 * What a network's kind (`evm`, `tron`) decides, implemented in `adapters/chains/<kind>/`: how its
 * addresses and txids are written, its wire names, payment URI and explorer links. Everything else
 * (quotes, watcher, checkout, API) is the same for every kind and asks the kind only through this.
 * Addresses are held everywhere as the lower-case 0x hex of their 20 bytes, the form both kinds'
 * JSON-RPC speaks; only surfaces a person or a merchant reads show the kind's own form.
 */
export type NetworkKind = {
  readonly name: 'evm' | 'tron';
  /** SLIP-44 coin type: wallets keep this kind's accounts at `m/44'/<coinType>'/<account>'`. */
  readonly coinType: number;
  /** The wire `chain` of every network of this kind (TRON: `TRX`); absent: the network's key. */
  readonly wireChain?: string;
  /** An address as wallets and explorers write it (EIP-55 hex; TRON's Base58Check `T…`). */
  formatAddress(address: string): string;
  /** An address or contract on the wire: EVM keeps the form it is given, TRON writes `T…`. */
  formatWireAddress(address: string): string;
  /** A txid as explorers write it (TRON: 64 hex digits without `0x`). */
  formatTxid(txid: string): string;
  /** The wire `contract` of the network's native coin (spec §9): EVM the chain id, TRON `TRX`. */
  formatNativeContract(chainId: number): string;
  /**
   * An address as an operator writes it in config (EVM: EIP-55; TRON: `T…`), to the form tokens
   * hold it in (EVM: EIP-55; TRON: lower-case hex); a message fit for a config error if it is not one.
   */
  parseAddress(
    text: string,
  ): { readonly ok: true; readonly value: `0x${string}` } | { readonly ok: false; readonly message: string };
  /** Whether {@link buildPaymentUri} carries the amount (and coin), or only the address. */
  readonly paymentUriHasAmount: boolean;
  /** What the checkout's QR code holds for a payment, so a wallet opens with it filled in where it can. */
  buildPaymentUri(p: {
    readonly chainId: number;
    readonly to: string;
    readonly contract: string | null;
    readonly amount: bigint;
  }): string;
  /** A link to a transaction or an address on the network's block explorer at `explorerUrl`. */
  buildExplorerUrl(explorerUrl: string, target: { readonly txid: string } | { readonly address: string }): string;
};

/** One network Kassa watches. A network without RPC URLs is not offered. */
export type Network = {
  /** `ETH`, `BSC`, `POLYGON`, `ARBITRUM`, `BASE`, `OPTIMISM`, `TRON`, `DEV`, ... */
  readonly key: string;
  /** Its kind: address forms, wire names, payment URI, explorer links (see {@link NetworkKind}). */
  readonly kind: NetworkKind;
  readonly chainId: number;
  /** The token standard label shown on the wire: `ERC20`, `BEP20`, ... */
  readonly standard: string;
  readonly rpcUrls: readonly string[];
  /**
   * TRON only: the node's HTTP API (`/wallet/…`), which tells a TRX transfer from a TRC-10 one
   * (its JSON-RPC shows both alike).
   */
  readonly httpApiUrls?: readonly string[];
  /** The block explorer's base URL (`https://etherscan.io`); absent: no links. */
  readonly explorerUrl?: string;
  /**
   * Blocks deep a payment must be to count (1: in a block). On a network whose reader reports
   * finality (TRON's solidified blocks), a payment counts once its block is final instead; this
   * is then the usual number of blocks that takes, shown to buyers and on the wire.
   */
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
  /**
   * Set by `kassa dev` on a network it simulates on a local chain in the form of another chain
   * (TRON_DEV: anvil read as TRON): the checkout says so, so no one takes it for the real one.
   */
  readonly isSimulated?: true;
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
