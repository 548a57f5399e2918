import type { PrepareDevChainReturnType } from '../../adapters/chains/evm/prepareDevChain.ts';
import type { Network } from '../../core/network.ts';
import type { SandboxInfo, SandboxTronInfo } from './SandboxInfo.ts';
import type { TronSandboxChain } from './startTronSandboxChain.ts';

export type DescribeSandboxParameters = {
  readonly appId: string;
  readonly appSecret: string;
  readonly publicUrl: string;
  readonly rpcUrl: string;
  readonly chain: PrepareDevChainReturnType;
  /** The simulated TRON network; null or absent when the sandbox runs without it. */
  readonly tron?: TronSandboxChain | null;
  /** The console's dev sign-in link; the plain sign-in page when the gateway has no dev token. */
  readonly consoleUrl?: string;
};

/** What the `tron` block says, so a reader of `--json` alone knows no TRON node is involved. */
export const SANDBOX_TRON_NOTE =
  'Simulated: an anvil chain behind a TRON API simulator (JSON-RPC at /jsonrpc, /wallet/gettransactionbyid), read by the TRON reader with TRON addresses (T…), not a TRON node. No TRC-10, bandwidth or energy; blocks are Ethereum-style. TRX is priced at a fixed sandbox rate unless rates.tokens.TRX is configured.';

/** The sandbox's credentials, devnets and test tokens in the wire shape scripts read. */
export function describeSandbox(p: DescribeSandboxParameters): SandboxInfo {
  const tron = p.tron ?? null;
  return {
    app_id: p.appId,
    app_secret: p.appSecret,
    public_url: p.publicUrl,
    rpc_url: p.rpcUrl,
    chain_id: p.chain.chainId,
    test_account: { address: p.chain.testAccount.address, private_key: p.chain.testAccount.privateKey },
    tokens: [...describeTokens(p.chain.network), ...(tron === null ? [] : describeTokens(tron.chain.network))],
    tron: tron === null ? null : describeTron(tron),
    console_url: p.consoleUrl ?? `${p.publicUrl}/console/sign-in`,
  };
}

/** A network's coins as the merchant API writes them: wire `chain`, contract in the kind's form. */
function describeTokens(network: Network): SandboxInfo['tokens'] {
  return network.tokens.map((token) => ({
    token_id: token.tokenId,
    crypto: token.symbol,
    chain: network.kind.wireChain ?? token.networkKey,
    contract:
      token.contract === null
        ? network.kind.formatNativeContract(network.chainId)
        : network.kind.formatWireAddress(token.contract),
    decimals: token.decimals,
  }));
}

function describeTron(tron: TronSandboxChain): SandboxTronInfo {
  return {
    simulated: true,
    note: SANDBOX_TRON_NOTE,
    rpc_url: tron.rpcUrl,
    http_api_url: tron.httpApiUrl,
    chain_id: tron.chain.chainId,
    network_key: tron.chain.network.key,
  };
}
