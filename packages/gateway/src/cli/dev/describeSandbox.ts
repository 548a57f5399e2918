import type { PrepareDevChainReturnType } from '../../adapters/chains/evm/prepareDevChain.ts';
import type { SandboxInfo } from './SandboxInfo.ts';

export type DescribeSandboxParameters = {
  readonly appId: string;
  readonly appSecret: string;
  readonly publicUrl: string;
  readonly rpcUrl: string;
  readonly chain: PrepareDevChainReturnType;
};

/** The sandbox's credentials, devnet and test tokens in the wire shape scripts read. */
export function describeSandbox(p: DescribeSandboxParameters): SandboxInfo {
  return {
    app_id: p.appId,
    app_secret: p.appSecret,
    public_url: p.publicUrl,
    rpc_url: p.rpcUrl,
    chain_id: p.chain.chainId,
    test_account: { address: p.chain.testAccount.address, private_key: p.chain.testAccount.privateKey },
    tokens: p.chain.network.tokens.map((token) => ({
      token_id: token.tokenId,
      crypto: token.symbol,
      chain: token.networkKey,
      contract: token.contract ?? p.chain.chainId.toString(),
      decimals: token.decimals,
    })),
  };
}
