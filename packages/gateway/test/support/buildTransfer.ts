import type { Transfer } from '../../src/core/network.ts';
import { buildBlocks } from './buildBlocks.ts';
import { SYNTHETIC_NETWORK } from './syntheticNetwork.ts';

/** A transfer of `amount` base units of `symbol` into `to`, in block `block` of branch `fork`. */
export function buildTransfer(p: {
  readonly txid: number;
  readonly block: bigint;
  readonly to: string;
  readonly symbol: string;
  readonly amount: bigint;
  readonly logIndex?: number;
  readonly fork?: string;
}): Transfer {
  const t = SYNTHETIC_NETWORK.tokens.find((tk) => tk.symbol === p.symbol);
  if (t === undefined) throw new Error(`no ${p.symbol}`);
  const blockHash = buildBlocks(p.block, p.block, p.fork ?? 'a')[0]?.blockHash as `0x${string}`;
  return {
    networkKey: 'DEV',
    txid: `0x${p.txid.toString(16).padStart(64, '0')}`,
    logIndex: t.contract === null ? -1 : (p.logIndex ?? 0),
    blockNumber: p.block,
    blockHash,
    from: '0x000000000000000000000000000000000000f00d',
    to: p.to as `0x${string}`,
    contract: t.contract,
    amount: p.amount,
  };
}
