import type { ChainBlock } from '../../src/core/ports.ts';

/** Blocks `from..to` of a made-up chain; `fork` names the branch, so two forks differ in hashes. */
export function buildBlocks(from: bigint, to: bigint, fork = 'a'): ChainBlock[] {
  const hashOf = (n: bigint, f: string) => `0x${f.repeat(2)}${n.toString(16).padStart(62, '0')}`;
  const blocks: ChainBlock[] = [];
  for (let n = from; n <= to; n += 1n) {
    // The fork's first block hangs off the main branch, like a real reorg.
    const parentFork = n === from ? 'a' : fork;
    blocks.push({ blockNumber: n, blockHash: hashOf(n, fork), parentHash: hashOf(n - 1n, parentFork) });
  }
  return blocks;
}
