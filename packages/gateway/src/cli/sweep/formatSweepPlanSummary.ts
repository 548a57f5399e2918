import { formatAmount } from '../../core/money/formatAmount.ts';
import type { SweepDust, SweepPlan } from '../../core/sweep/SweepPlan.ts';

export type FormatSweepPlanSummaryOptions = {
  /** The gas wallet's balance now, wei; absent: not shown, no shortfall check. */
  readonly gasWalletBalance?: bigint;
  readonly nativeSymbol: string;
  /** The network's tokens, for the decimals of dust-only tokens (which the plan's assets do not carry). */
  readonly tokens?: readonly { readonly contract: string | null; readonly decimals: number }[];
  /** Whether the destination's sweeper is deployed (`buildSweepPlan` says): why the strategy is what it is. */
  readonly isSweeperDeployed?: boolean;
};

const NATIVE_DECIMALS = 18;

/**
 * The few lines `kassa sweep plan` prints before anything else: where the money goes (first, and
 * loud), how, how much of each token, what stays behind, what it costs and whether the gas wallet
 * can pay. Amounts are exact decimals of base units.
 *
 * @example
 * process.stdout.write(`${formatSweepPlanSummary(plan, { gasWalletBalance, nativeSymbol: 'ETH' })}\n`);
 */
export function formatSweepPlanSummary(plan: SweepPlan, options: FormatSweepPlanSummaryOptions): string {
  const decimalsOf = createDecimalsLookup(plan, options);
  const nativeDecimals = decimalsOf(null) ?? NATIVE_DECIMALS;
  const native = (wei: string | bigint) => `${formatAmount(BigInt(wei), nativeDecimals)} ${options.nativeSymbol}`;
  const lines = [
    `Sweep plan ${plan.planId}: network ${plan.network.key} (chain id ${plan.network.chainId})`,
    `DESTINATION: ${plan.destination}   <- every swept balance goes here; check it`,
    `Strategy: ${describeStrategy(plan, options.isSweeperDeployed)}`,
    `Addresses: ${describeAddresses(plan)}`,
  ];
  if (plan.totals.length === 0) lines.push('To collect: nothing');
  else
    lines.push('To collect:', ...plan.totals.map((t) => `  ${formatAmount(BigInt(t.amount), t.decimals)} ${t.symbol}`));
  lines.push(...describeDust(plan.dust, decimalsOf));
  const { gasWalletFeesWei, depositFeesWei, topUpsWei, gasWalletNeedsWei } = plan.cost;
  lines.push(
    `Estimated cost: at most ${native(BigInt(gasWalletFeesWei) + BigInt(depositFeesWei))} in fees` +
      ` (gas wallet ${native(gasWalletFeesWei)}, deposit addresses ${native(depositFeesWei)})`,
  );
  const needs = `${native(gasWalletNeedsWei)} (fees ${native(gasWalletFeesWei)} + top-ups ${native(topUpsWei)})`;
  if (options.gasWalletBalance === undefined) {
    lines.push(`Gas wallet ${plan.gasWallet} needs ${needs}`);
  } else {
    lines.push(`Gas wallet ${plan.gasWallet} needs ${needs}, holds ${native(options.gasWalletBalance)}`);
    const shortWei = BigInt(gasWalletNeedsWei) - options.gasWalletBalance;
    if (shortWei > 0n) {
      lines.push(`WARNING: the gas wallet is short by ${native(shortWei)}: fund it before \`kassa sweep send\``);
    }
  }
  return lines.join('\n');
}

function describeStrategy(plan: SweepPlan, isSweeperDeployed: boolean | undefined): string {
  if (plan.strategy === 'eip7702') {
    return `eip7702: the sweeper ${plan.sweeper ?? '(none)'} for this destination is deployed; one gas-wallet transaction per batch of addresses`;
  }
  const why =
    isSweeperDeployed === undefined
      ? 'configured, or no sweeper deployed for this destination'
      : isSweeperDeployed
        ? 'configured (the sweeper for this destination is deployed, eip7702 is available)'
        : `no sweeper deployed for this destination (\`kassa sweep deploy --network ${plan.network.key}\` makes eip7702 available)`;
  return `topup: ${why}`;
}

function describeAddresses(plan: SweepPlan): string {
  const count = plan.addresses.length;
  if (plan.strategy === 'eip7702') {
    const authorizations = plan.addresses.filter((a) => a.needsAuthorization).length;
    return `${count} to sweep in ${plan.batches.length} batch(es), ${authorizations} authorization(s) to sign`;
  }
  const toppedUp = plan.addresses.filter((a) => BigInt(a.topUp) > 0n).length;
  const transactions = plan.addresses.reduce((sum, a) => sum + a.transactions.length, 0);
  return `${count} to sweep, ${toppedUp} topped up by the gas wallet, ${transactions} transaction(s) to sign`;
}

function describeDust(dust: readonly SweepDust[], decimalsOf: (contract: string | null) => number | null): string[] {
  if (dust.length === 0) return ['Left behind: nothing'];
  const byAsset = new Map<string, { symbol: string; contract: string | null; total: bigint; count: number }>();
  const reasons = new Map<SweepDust['reason'], number>();
  for (const entry of dust) {
    const key = entry.contract?.toLowerCase() ?? 'native';
    const line = byAsset.get(key) ?? { symbol: entry.symbol, contract: entry.contract, total: 0n, count: 0 };
    line.total += BigInt(entry.amount);
    line.count += 1;
    byAsset.set(key, line);
    reasons.set(entry.reason, (reasons.get(entry.reason) ?? 0) + 1);
  }
  const why = [...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ');
  return [
    `Left behind: ${dust.length} balance(s) (${why})`,
    ...[...byAsset.values()].map(({ symbol, contract, total, count }) => {
      const decimals = decimalsOf(contract);
      const amount = decimals === null ? `${total} base units of` : formatAmount(total, decimals);
      return `  ${amount} ${symbol} in ${count} address(es)`;
    }),
  ];
}

/** Decimals per contract (lower-case; null: native) from the given tokens and the plan's own assets. */
function createDecimalsLookup(
  plan: SweepPlan,
  options: FormatSweepPlanSummaryOptions,
): (contract: string | null) => number | null {
  const decimals = new Map<string, number>();
  const assets = [...plan.totals, ...plan.addresses.flatMap((a) => a.tokens), ...(options.tokens ?? [])];
  for (const asset of assets) decimals.set(asset.contract?.toLowerCase() ?? 'native', asset.decimals);
  return (contract) => {
    const key = contract?.toLowerCase() ?? 'native';
    return decimals.get(key) ?? (contract === null ? NATIVE_DECIMALS : null);
  };
}
