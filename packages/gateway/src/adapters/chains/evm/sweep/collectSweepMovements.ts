import { type Hex, hexToBigInt, type Log, toEventSelector } from 'viem';
import type { SweepMovement } from '../../../../core/ports/FundsStore.ts';
import { TRANSFER_TOPIC } from '../parseTransferLog.ts';

/** topic0 of the sweeper's `NativeSwept(uint256)`, emitted by the delegated deposit address itself. */
export const NATIVE_SWEPT_TOPIC: Hex = toEventSelector('NativeSwept(uint256)');

const WORD_HEX_LENGTH = 66;

export type CollectSweepMovementsParameters = {
  readonly logs: readonly Log[];
  /** Lower-case deposit addresses this transaction sweeps, with their `xpub/0/<index>`. */
  readonly addresses: ReadonlyMap<string, number>;
  /** Lower-case destination. */
  readonly destination: string;
};

/**
 * What a mined sweep transaction moved, read from its logs: ERC-20 Transfers from one of its deposit
 * addresses to the destination, and NativeSwept events emitted by one of its deposit addresses (a
 * delegated address runs the sweeper's code, so the event's emitter is the address swept).
 * Anything else (a transfer elsewhere, an event a token emits for other reasons) moved nothing of ours.
 *
 * @example
 * const movements = collectSweepMovements({ logs: receipt.logs, addresses, destination });
 */
export function collectSweepMovements({
  logs,
  addresses,
  destination,
}: CollectSweepMovementsParameters): SweepMovement[] {
  const movements: SweepMovement[] = [];
  for (const log of logs) {
    const [selector, first, second] = log.topics;
    const emitter = log.address.toLowerCase();
    if (selector === TRANSFER_TOPIC && log.topics.length === 3 && log.data.length === WORD_HEX_LENGTH) {
      const from = topicAddress(first);
      const index = addresses.get(from);
      if (index === undefined || topicAddress(second) !== destination) continue;
      movements.push({ address: from, index, contract: emitter, amount: hexToBigInt(log.data) });
    } else if (selector === NATIVE_SWEPT_TOPIC) {
      const index = addresses.get(emitter);
      if (index === undefined) continue;
      // The amount is the event's one word, whether declared indexed (a topic) or not (the data).
      const word = log.data.length === WORD_HEX_LENGTH ? log.data : first;
      if (word === undefined || word.length !== WORD_HEX_LENGTH) continue;
      movements.push({ address: emitter, index, contract: null, amount: hexToBigInt(word) });
    }
  }
  return movements;
}

function topicAddress(topic: Hex | undefined): string {
  return topic === undefined ? '' : `0x${topic.slice(-40).toLowerCase()}`;
}
