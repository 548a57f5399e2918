// Gas and time of collecting USDT from 1, 10 and 100 deposit addresses on anvil (default hardfork),
// with each strategy, back to back on one chain: the top-up sweep (the gas wallet sends each address
// its gas, the address sends its tokens) against the EIP-7702 batch (each address delegates to the
// sweeper, one gas-wallet transaction moves them all), then the batch again on addresses that are
// already delegated (a second payment into a swept address). Gas is what the receipts say; every
// run is checked on chain (destination got everything, deposit addresses hold no token).
// Goal (issue 13): 7702 ≤ 0.5× top-up gas per address at 100 addresses, no native coin stranded.
// Usage: npx tsx bench/sweep.ts [--sizes 1,10,100]
import { parseArgs } from 'node:util';
import { createWalletClient, http } from 'viem';
import { deriveDepositAddress } from '../packages/gateway/src/adapters/chains/evm/deriveDepositAddress.ts';
import { DEV_XPUB } from '../packages/gateway/src/adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { buildSweepPlan } from '../packages/gateway/src/adapters/chains/evm/sweep/buildSweepPlan.ts';
import { deploySweeper } from '../packages/gateway/src/adapters/chains/evm/sweep/deploySweeper.ts';
import { signSweepPlan } from '../packages/gateway/src/adapters/chains/evm/sweep/signSweepPlan.ts';
import { getXpubId } from '../packages/gateway/src/app/getXpubId.ts';
import type { SweepStrategy } from '../packages/gateway/src/core/sweep/SweepPlan.ts';
import {
  type SweepSendFixture,
  startSweepSendFixture,
} from '../packages/gateway/test/support/startSweepSendFixture.ts';
import { describeMachine } from './support/describeMachine.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,10,100' } } });
const sizes = values.sizes.split(',').map(Number);
const PAYMENT = 5_000_000n; // 5 USDT

type Run = {
  strategy: string;
  size: number;
  gasPerAddress: number;
  planMs: number;
  signMs: number;
  sendMs: number;
  strandedWei: bigint;
};

let nextIndex = 0;

/** Pays `size` fresh deposit addresses (or `indexes` again) and sweeps them; checks the chain after. */
async function sweepOnce(
  f: SweepSendFixture,
  strategy: SweepStrategy,
  size: number,
  indexes?: number[],
): Promise<{ run: Run; indexes: number[] }> {
  const chosen = indexes ?? Array.from({ length: size }, () => nextIndex++);
  for (const index of chosen) await f.fund(index, { USDT: PAYMENT });
  const before = await f.tokenBalance(f.chain.tokens.USDT, f.destination);
  const xpubId = getXpubId(DEV_XPUB);
  const addresses = chosen.map((index) => ({
    address: deriveDepositAddress(DEV_XPUB, index).toLowerCase(),
    index,
    xpubId,
  }));
  const t0 = performance.now();
  const { plan } = await buildSweepPlan({
    publicClient: f.publicClient,
    network: f.network,
    addresses,
    destination: f.destination,
    strategy,
    gasWallet: f.gasAccount.address,
    dust: new Map(),
    planId: `bench-${strategy}-${size}-${chosen[0]}-${indexes === undefined ? 1 : 2}`,
    now: new Date(),
  });
  const t1 = performance.now();
  const signed = signSweepPlan({
    plan,
    secret: ANVIL_DEFAULT_MNEMONIC,
    expected: { destination: f.destination, chainId: f.chain.chainId },
  });
  const t2 = performance.now();
  const report = await f.send(signed, { now: () => Date.now() });
  const t3 = performance.now();
  const moved = (await f.tokenBalance(f.chain.tokens.USDT, f.destination)) - before;
  if (moved !== PAYMENT * BigInt(size) || report.failed.length > 0)
    throw new Error(`${strategy} ${size}: moved ${moved}, failed ${report.failed.length}`);
  const gas = report.transactions.reduce((sum, tx) => sum + tx.gasUsed, 0n);
  const strandedWei = report.leftover.reduce((sum, l) => sum + l.nativeWei, 0n);
  const run = {
    strategy,
    size,
    gasPerAddress: Number(gas) / size,
    planMs: t1 - t0,
    signMs: t2 - t1,
    sendMs: t3 - t2,
    strandedWei,
  };
  return { run, indexes: chosen };
}

const f = await startSweepSendFixture();
try {
  const walletClient = createWalletClient({ account: f.gasAccount, transport: http(f.chain.rpcUrl) });
  await deploySweeper({ publicClient: f.publicClient, walletClient, destination: f.destination });
  const runs: Run[] = [];
  let delegated: number[] = [];
  for (const size of sizes) {
    runs.push((await sweepOnce(f, 'topup', size)).run);
    const batch = await sweepOnce(f, 'eip7702', size);
    runs.push(batch.run);
    delegated = batch.indexes;
  }
  const again = await sweepOnce(f, 'eip7702', delegated.length, delegated);
  runs.push({ ...again.run, strategy: 'eip7702 (already delegated)' });

  console.log(describeMachine());
  console.log(
    'strategy                      addresses  gas/address  vs top-up  plan ms  sign ms  send ms  native left in deposits (wei)',
  );
  for (const run of runs) {
    const topup = runs.find((r) => r.strategy === 'topup' && r.size === run.size);
    const ratio = topup === undefined ? '' : (run.gasPerAddress / topup.gasPerAddress).toFixed(2);
    console.log(
      `${run.strategy.padEnd(29)} ${String(run.size).padStart(9)}  ${run.gasPerAddress.toFixed(0).padStart(11)}  ${ratio.padStart(9)}  ${run.planMs.toFixed(0).padStart(7)}  ${run.signMs.toFixed(0).padStart(7)}  ${run.sendMs.toFixed(0).padStart(7)}  ${run.strandedWei}`,
    );
  }
} finally {
  await f.stop();
}
