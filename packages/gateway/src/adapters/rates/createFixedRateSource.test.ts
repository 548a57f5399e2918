// Risk: a stablecoin or configured coin is priced wrongly, or a bad fixed price only shows up at the first quote.
import { describe, expect, it } from 'vitest';
import { createFixedRateSource, DEFAULT_STABLECOINS } from './createFixedRateSource.ts';

describe('createFixedRateSource', () => {
  const now = (): number => 1_700_000_000_000;

  it('prices the default stablecoins at exactly 1 USD, any case', () => {
    const source = createFixedRateSource({ now });
    for (const symbol of [...DEFAULT_STABLECOINS, 'usdt', 'Usdc']) {
      expect(source.getRate(symbol)).toEqual({ ok: true, rate: { units: 1n, scale: 0 }, asOfMs: 1_700_000_000_000 });
    }
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'missing' });
  });

  it('uses configured prices exactly and only the stablecoins it is given', () => {
    const source = createFixedRateSource({ stablecoins: ['USDT'], prices: { eth: '3150.27', DAI: '0.9995' }, now });
    expect(source.getRate('ETH')).toMatchObject({ ok: true, rate: { units: 315027n, scale: 2 } });
    expect(source.getRate('DAI')).toMatchObject({ ok: true, rate: { units: 9995n, scale: 4 } });
    expect(source.getRate('USDC')).toEqual({ ok: false, reason: 'missing' });
  });

  it('lets a configured price win over the stablecoin default', () => {
    const source = createFixedRateSource({ prices: { USDC: '0.998' }, now });
    expect(source.getRate('USDC')).toMatchObject({ ok: true, rate: { units: 998n, scale: 3 } });
  });

  it.each(['3e3', '-1', '', '1,5', '0', '0.000'])('throws on the fixed price %j', (price) => {
    expect(() => createFixedRateSource({ prices: { ETH: price }, now })).toThrow(/fixed price for ETH/);
  });
});
