// Risk: an RPC endpoint's API key (in its path or user part) leaks into a metric label, or RPC failures go uncounted.
import { describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../../test/fixtures/devChain.ts';
import { getFreePort } from '../../../test/support/getFreePort.ts';
import type { Network } from '../../core/network.ts';
import { createEvmChainReader } from '../chains/evm/createEvmChainReader.ts';
import { EVM_NETWORK_KIND } from '../chains/evm/evmNetworkKind.ts';
import { withRpcErrorCount } from './withRpcErrorCount.ts';

describe('withRpcErrorCount', () => {
  it('counts a failed call by the endpoint host alone', async () => {
    // Nothing listens on this port: every request is refused.
    const port = await getFreePort();
    const network: Network = {
      key: 'DEV',
      kind: EVM_NETWORK_KIND,

      chainId: 31337,
      standard: 'ERC20',
      rpcUrls: [`http://user:s3cret@127.0.0.1:${port}/v3/APIKEY123`],
      confirmations: 1,
      blockTimeSeconds: 1,
      xpub: DEV_CHAIN_XPUB,
      tokens: [],
    };
    const endpoints: string[] = [];
    const reader = withRpcErrorCount(createEvmChainReader(network, { timeoutMs: 1_000 }), (e) => endpoints.push(e));
    await expect(reader.getHead()).rejects.toThrow();
    await expect(reader.getBlock(1n)).rejects.toThrow();
    expect(endpoints).toEqual([`127.0.0.1:${port}`, `127.0.0.1:${port}`]);
  });
});
