// Guards against a token lookup that quotes an unknown coin, or fails without the typed error the API maps to its code.
import { describe, expect, it } from 'vitest';
import { EVM_NETWORK_KIND } from '../adapters/chains/evm/evmNetworkKind.ts';
import { KassaError } from './KassaError.ts';
import type { Network, Token } from './network.ts';
import { requireToken } from './requireToken.ts';
import { UnsupportedTokenError } from './UnsupportedTokenError.ts';

const token = (networkKey: string, tokenId: string): Token => ({
  tokenId,
  networkKey,
  symbol: 'USDT',
  name: 'Tether USD',
  contract: null,
  decimals: 6,
  isStable: true,
});
const network = (key: string, tokens: readonly Token[]): Network => ({
  key,
  kind: EVM_NETWORK_KIND,

  chainId: 1,
  standard: 'ERC20',
  rpcUrls: ['http://127.0.0.1:1'],
  confirmations: 1,
  blockTimeSeconds: 12,
  xpub: 'xpub-test',
  tokens,
});
const NETWORKS = [network('ETH', [token('ETH', 'a')]), network('BSC', [token('BSC', 'b')])];

describe('requireToken', () => {
  it('finds a token on any offered network, with that network', () => {
    const found = requireToken(NETWORKS, 'b');
    expect(found.network.key).toBe('BSC');
    expect(found.token.tokenId).toBe('b');
  });

  it('refuses an unknown token id as unsupported_token, naming it', () => {
    const run = () => requireToken(NETWORKS, 'nope');
    expect(run).toThrow(UnsupportedTokenError);
    expect(run).toThrow(KassaError);
    expect(run).toThrow(
      expect.objectContaining({
        code: 'unsupported_token',
        tokenId: 'nope',
        message: 'token_id: nope is not offered on any network',
      }),
    );
  });
});
