import { SweepError } from './SweepError.ts';
import type { SweepStrategy } from './SweepPlan.ts';

export type ChooseSweepStrategyParameters = {
  /** The network's `sweepStrategy` setting. */
  readonly requested: 'auto' | SweepStrategy;
  /** Whether the sweeper for the destination has code on the network. */
  readonly isSweeperDeployed: boolean;
  readonly networkKey: string;
};

/**
 * The strategy a plan uses: `auto` is eip7702 where the destination's sweeper is deployed, else
 * topup. An explicit eip7702 without the sweeper is refused with the command that deploys it.
 *
 * @example
 * chooseSweepStrategy({ requested: 'auto', isSweeperDeployed: false, networkKey: 'BSC' }); // 'topup'
 */
export function chooseSweepStrategy({
  requested,
  isSweeperDeployed,
  networkKey,
}: ChooseSweepStrategyParameters): SweepStrategy {
  switch (requested) {
    case 'auto':
      return isSweeperDeployed ? 'eip7702' : 'topup';
    case 'topup':
      return 'topup';
    case 'eip7702':
      if (isSweeperDeployed) return 'eip7702';
      throw new SweepError(
        `sweep strategy eip7702 needs the sweeper contract for this destination on ${networkKey}: run \`kassa sweep deploy --network ${networkKey}\` first`,
      );
  }
}
