/** What `kassa dev --json` prints and `data/sandbox.json` holds; scripts (`npm run demo`) rely on these keys. */
export type SandboxInfo = {
  readonly app_id: string;
  readonly app_secret: string;
  readonly public_url: string;
  readonly rpc_url: string;
  readonly chain_id: number;
  readonly test_account: { readonly address: string; readonly private_key: string };
  readonly tokens: readonly {
    readonly token_id: string;
    readonly crypto: string;
    readonly chain: string;
    readonly contract: string;
    readonly decimals: number;
  }[];
};

/** The file in the data dir that holds the {@link SandboxInfo} of the last start. */
export const SANDBOX_FILE = 'sandbox.json';
