// Risk: a sweep destination typo (bad checksum, zero address) or a dust setting in the wrong unit starts silently and sends funds astray.
import { mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../adapters/chains/evm/startAnvil.ts';
import { readNetworks } from './readNetworks.ts';

const XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
const RPC = ['https://rpc.example.org/key'];
const TREASURY = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('readNetworks: sweep settings', () => {
  it('gives every network networks.sweepTo, a network its own sweepTo over it, auto and no dust by default', () => {
    const networks = readNetworks({
      xpub: XPUB,
      sweepTo: TREASURY.toLowerCase(),
      ETH: { rpcUrls: RPC },
      BSC: { rpcUrls: RPC, sweepTo: OTHER, sweepStrategy: 'topup' },
    });
    expect(networks.map((n) => [n.key, n.sweep])).toEqual([
      ['ETH', { to: TREASURY, strategy: 'auto', dust: {} }],
      ['BSC', { to: OTHER, strategy: 'topup', dust: {} }],
    ]);
  });

  it('leaves the destination unset (null) when only a strategy or dust is configured', () => {
    const [eth] = readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC, sweepStrategy: 'eip7702' } });
    expect(eth?.sweep).toEqual({ to: null, strategy: 'eip7702', dust: {} });
  });

  it('reads dust amounts per token symbol, exactly as written', () => {
    const [eth] = readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC, sweepDust: { USDT: '0.5', ETH: '0.000001' } } });
    expect(eth?.sweep?.dust).toEqual({ USDT: '0.5', ETH: '0.000001' });
  });

  it('refuses a mixed-case address with a wrong checksum, naming the right one', () => {
    const wrong = TREASURY.replace('C', 'c');
    const error = catchConfigError(() => readNetworks({ sweepTo: wrong }), 'networks.sweepTo');
    expect(error.message).toContain(TREASURY);
  });

  it('refuses the zero address, a short address and a non-string', () => {
    catchConfigError(() => readNetworks({ sweepTo: `0x${'0'.repeat(40)}` }), 'networks.sweepTo');
    catchConfigError(() => readNetworks({ ETH: { sweepTo: '0x1234' } }), 'networks.ETH.sweepTo');
    catchConfigError(() => readNetworks({ ETH: { sweepTo: 42 } }), 'networks.ETH.sweepTo');
  });

  it('checks sweep settings of networks that are not offered too', () => {
    catchConfigError(() => readNetworks({ BSC: { sweepStrategy: 'fast' } }), 'networks.BSC.sweepStrategy');
  });

  it('refuses dust for a symbol the network does not have, as a number, or with too many decimals', () => {
    const unknown = catchConfigError(
      () => readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC, sweepDust: { DAI: '1' } } }),
      'networks.ETH.sweepDust.DAI',
    );
    expect(unknown.message).toContain('USDT');
    catchConfigError(
      () => readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC, sweepDust: { USDT: 0.5 } } }),
      'networks.ETH.sweepDust.USDT',
    );
    const precise = catchConfigError(
      () => readNetworks({ xpub: XPUB, ETH: { rpcUrls: RPC, sweepDust: { USDT: '0.0000001' } } }),
      'networks.ETH.sweepDust.USDT',
    );
    expect(precise.message).toContain('6 decimal');
    catchConfigError(() => readNetworks({ ETH: { sweepDust: ['1'] } }), 'networks.ETH.sweepDust');
  });
});
