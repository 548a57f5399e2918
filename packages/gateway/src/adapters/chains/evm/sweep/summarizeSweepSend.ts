import type { SweepSendContext } from './SweepSendContext.ts';
import type { SweepSendReport } from './SweepSendReport.ts';

const NATIVE_FALLBACK_SYMBOL = 'native';
const NATIVE_DECIMALS = 18;

/**
 * The report of a send run from what it found and did: totals per asset from the recorded
 * movements, fees split by who paid them.
 *
 * @example
 * const report = summarizeSweepSend(ctx, leftovers);
 */
export function summarizeSweepSend(ctx: SweepSendContext, leftovers: ReadonlyMap<string, bigint>): SweepSendReport {
  const { plan } = ctx;
  const transactions = [...ctx.transactions.values()];
  const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
  const movedOf = (contract: string | null) =>
    sum(ctx.movements.filter((m) => m.contract === contract).map((m) => m.amount));
  const nativeSymbol =
    [...plan.totals, ...plan.dust].find((asset) => asset.contract === null)?.symbol ?? NATIVE_FALLBACK_SYMBOL;
  const moved = listAssets(ctx, nativeSymbol).map((asset) => ({ ...asset, amount: movedOf(asset.contract) }));
  const indexOf = (address: string) => ctx.indexes.get(address) ?? -1;
  return {
    planId: plan.planId,
    networkKey: plan.network.key,
    strategy: plan.strategy,
    destination: plan.destination,
    nativeSymbol,
    transactions,
    moved,
    gasWalletFeesWei: sum(transactions.filter((t) => t.paidBy === 'gas_wallet').map((t) => t.feeWei)),
    depositFeesWei: sum(transactions.filter((t) => t.paidBy === 'deposit').map((t) => t.feeWei)),
    topUpsWei: sum(transactions.filter((t) => t.kind === 'topup').map((t) => t.valueWei)),
    failed: [...ctx.failed].map(([address, reason]) => ({ address, index: indexOf(address), reason })),
    leftover: [...leftovers].map(([address, nativeWei]) => ({ address, index: indexOf(address), nativeWei })),
  };
}

/**
 * The assets to total: native first, then the plan's tokens in plan order. Native is listed when
 * planned or when it moved anyway (a payment that arrived after planning, swept by a batch).
 */
function listAssets(ctx: SweepSendContext, nativeSymbol: string) {
  const assets: { contract: string | null; symbol: string; decimals: number }[] = [];
  const planned = ctx.plan.totals.find((asset) => asset.contract === null);
  if (planned !== undefined || ctx.movements.some((m) => m.contract === null)) {
    assets.push({ contract: null, symbol: nativeSymbol, decimals: planned?.decimals ?? NATIVE_DECIMALS });
  }
  for (const token of [...ctx.plan.totals, ...ctx.plan.addresses.flatMap((a) => a.tokens)]) {
    if (token.contract === null) continue;
    const contract = token.contract.toLowerCase();
    if (!assets.some((asset) => asset.contract === contract)) {
      assets.push({ contract, symbol: token.symbol, decimals: token.decimals });
    }
  }
  return assets;
}
