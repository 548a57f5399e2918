// Guards against an eip7702 plan for a chain where the sweeper it delegates to does not exist.
import { describe, expect, it } from 'vitest';
import { chooseSweepStrategy } from './chooseSweepStrategy.ts';
import { SweepError } from './SweepError.ts';

describe('chooseSweepStrategy', () => {
  it('auto takes eip7702 where the sweeper is deployed, topup elsewhere', () => {
    expect(chooseSweepStrategy({ requested: 'auto', isSweeperDeployed: true, networkKey: 'ETH' })).toBe('eip7702');
    expect(chooseSweepStrategy({ requested: 'auto', isSweeperDeployed: false, networkKey: 'ETH' })).toBe('topup');
  });

  it('keeps an explicit topup even where the sweeper is deployed', () => {
    expect(chooseSweepStrategy({ requested: 'topup', isSweeperDeployed: true, networkKey: 'ETH' })).toBe('topup');
  });

  it('refuses an explicit eip7702 without the sweeper, naming the deploy command', () => {
    expect(chooseSweepStrategy({ requested: 'eip7702', isSweeperDeployed: true, networkKey: 'BSC' })).toBe('eip7702');
    const refuse = () => chooseSweepStrategy({ requested: 'eip7702', isSweeperDeployed: false, networkKey: 'BSC' });
    expect(refuse).toThrow(SweepError);
    expect(refuse).toThrow('run `kassa sweep deploy --network BSC` first');
  });
});
