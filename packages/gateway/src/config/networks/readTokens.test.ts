// Risk: a bad token setting (contract, decimals, symbol) starts silently and misprices or misses payments.
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { EVM_NETWORK_KIND } from '../../adapters/chains/evm/evmNetworkKind.ts';
import { readTokens } from './readTokens.ts';

const USDT_ETH = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
const SETTING = 'networks.ETH.tokens';

describe('readTokens', () => {
  it('reads contract tokens and the native coin, with their defaults', () => {
    expect(
      readTokens(
        [
          { symbol: 'USDT', name: 'Tether USD', contract: USDT_ETH, decimals: 6, stable: true },
          { symbol: 'ETH', native: true },
        ],
        SETTING,
        EVM_NETWORK_KIND,
      ),
    ).toEqual([
      { symbol: 'USDT', name: 'Tether USD', contract: USDT_ETH, decimals: 6, isStable: true },
      { symbol: 'ETH', name: 'ETH', contract: null, decimals: 18, isStable: false },
    ]);
  });
});

describe('readTokens: every bad setting is a ConfigError naming it', () => {
  const token = (extra: Record<string, unknown>) => [{ symbol: 'USDT', decimals: 6, contract: USDT_ETH, ...extra }];
  const cases: [string, unknown, string][] = [
    ['not a list', { symbol: 'USDT' }, 'networks.ETH.tokens'],
    ['empty token list', [], 'networks.ETH.tokens'],
    ['token not an object', ['USDT'], 'networks.ETH.tokens[0]'],
    ['unknown token setting', token({ address: USDT_ETH }), 'networks.ETH.tokens[0].address'],
    ['bad symbol', token({ symbol: 'US DT' }), 'networks.ETH.tokens[0].symbol'],
    ['empty name', token({ name: ' ' }), 'networks.ETH.tokens[0].name'],
    ['lower-case contract', token({ contract: USDT_ETH.toLowerCase() }), 'networks.ETH.tokens[0].contract'],
    [
      'contract with a wrong checksum',
      token({ contract: USDT_ETH.replace('dAC', 'DAC') }),
      'networks.ETH.tokens[0].contract',
    ],
    ['garbage contract', token({ contract: '0x1234' }), 'networks.ETH.tokens[0].contract'],
    ['zero-address contract', token({ contract: `0x${'0'.repeat(40)}` }), 'networks.ETH.tokens[0].contract'],
    ['no contract and not native', token({ contract: undefined }), 'networks.ETH.tokens[0].contract'],
    ['native with a contract', token({ native: true }), 'networks.ETH.tokens[0].contract'],
    ['native not a boolean', token({ contract: undefined, native: 'yes' }), 'networks.ETH.tokens[0].native'],
    ['no decimals on a contract token', token({ decimals: undefined }), 'networks.ETH.tokens[0].decimals'],
    ['too many decimals', token({ decimals: 37 }), 'networks.ETH.tokens[0].decimals'],
    ['stable not a boolean', token({ stable: 1 }), 'networks.ETH.tokens[0].stable'],
    [
      'repeated symbol',
      [
        { symbol: 'USDT', contract: USDT_ETH, decimals: 6 },
        { symbol: 'usdt', native: true },
      ],
      'networks.ETH.tokens[1]',
    ],
    [
      'repeated contract',
      [
        { symbol: 'USDT', contract: USDT_ETH, decimals: 6 },
        { symbol: 'USDT2', contract: USDT_ETH, decimals: 6 },
      ],
      'networks.ETH.tokens[1]',
    ],
  ];

  it.each(cases)('%s', (_name, value, setting) => {
    // JSON has no undefined: drop such keys as a config file would never hold them.
    const parsed: unknown = JSON.parse(JSON.stringify(value));
    catchConfigError(() => readTokens(parsed, SETTING, EVM_NETWORK_KIND), setting);
  });
});
