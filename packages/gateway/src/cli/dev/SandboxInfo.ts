/**
 * What `kassa dev --json` prints and `data/sandbox.json` holds; scripts (`npm run demo`) rely on
 * these keys. Fields are only ever added (as `tron` was), never renamed or removed.
 */
export type SandboxInfo = {
  readonly app_id: string;
  readonly app_secret: string;
  readonly public_url: string;
  /** The `DEV` devnet's: the top-level chain fields predate the simulated TRON network. */
  readonly rpc_url: string;
  readonly chain_id: number;
  readonly test_account: { readonly address: string; readonly private_key: string };
  /** Every sandbox coin: the `DEV` ones first, then the simulated TRON network's (`chain` `TRX`). */
  readonly tokens: readonly {
    readonly token_id: string;
    readonly crypto: string;
    readonly chain: string;
    readonly contract: string;
    readonly decimals: number;
  }[];
  /** The simulated TRON network; null when kassa dev runs beside an external devnet (`--rpc-url`). */
  readonly tron: SandboxTronInfo | null;
  /**
   * The operator console: this run's link that signs in as operator `dev` without a password
   * (its token changes at every start of `kassa dev`).
   */
  readonly console_url: string;
};

/** The `tron` block of {@link SandboxInfo}. */
export type SandboxTronInfo = {
  /** Always true: anvil behind a TRON API simulator, not a TRON node. */
  readonly simulated: true;
  readonly note: string;
  /** Its JSON-RPC, laid out like TronGrid's (`<http_api_url>/jsonrpc`). */
  readonly rpc_url: string;
  /** Its node HTTP API root (`/wallet/gettransactionbyid`). */
  readonly http_api_url: string;
  readonly chain_id: number;
  readonly network_key: string;
};

/** The file in the data dir that holds the {@link SandboxInfo} of the last start. */
export const SANDBOX_FILE = 'sandbox.json';
