import { parseSweepPlan } from '../../adapters/chains/evm/sweep/parseSweepPlan.ts';
import { signSweepPlan } from '../../adapters/chains/evm/sweep/signSweepPlan.ts';
import { parseAmount } from '../../core/money/parseAmount.ts';
import { parseCommandArgs, UsageError } from '../parseCommandArgs.ts';
import { formatSweepPlanSummary } from './formatSweepPlanSummary.ts';
import { readSeedSecret } from './readSeedSecret.ts';
import { readSignerExpectations } from './readSignerExpectations.ts';
import { readSweepFile } from './readSweepFile.ts';
import { assertCanWrite, writeNewFile } from './writeNewFile.ts';

/**
 * `kassa sweep sign --plan FILE --out FILE`: checks the plan against what the signer expects and
 * signs it with the seed. Touches neither the network nor a database: it may run offline.
 */
export async function runSweepSignCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    plan: { type: 'string' },
    out: { type: 'string' },
    'seed-file': { type: 'string' },
    'seed-fd': { type: 'string' },
    account: { type: 'string' },
    config: { type: 'string' },
    to: { type: 'string' },
    'chain-id': { type: 'string' },
    force: { type: 'boolean', default: false },
    'max-gas-price': { type: 'string' },
  });
  if (values.plan === undefined) throw new UsageError('sweep sign needs --plan FILE');
  if (values.out === undefined) throw new UsageError('sweep sign needs --out FILE');
  const plan = parseSweepPlan(readSweepFile(values.plan, 'plan'));
  const expected = {
    ...readSignerExpectations(plan, { config: values.config, to: values.to, chainId: values['chain-id'] }),
    ...readMaxGasPrice(values['max-gas-price']),
  };
  const accountIndex = readWholeNumber(values.account, '--account');
  const fd = readWholeNumber(values['seed-fd'], '--seed-fd');
  assertCanWrite(values.out, values.force);
  // What the signature will commit to, before the seed is asked for: destination, amounts, fees.
  const nativeSymbol = [...plan.totals, ...plan.dust].find((asset) => asset.contract === null)?.symbol ?? 'native';
  process.stdout.write(`${formatSweepPlanSummary(plan, { nativeSymbol })}\n`);
  const secret = await readSeedSecret({
    ...(values['seed-file'] === undefined ? {} : { file: values['seed-file'] }),
    ...(fd === undefined ? {} : { fd }),
  });
  const signed = await signSweepPlan({
    plan,
    secret,
    expected,
    ...(accountIndex === undefined ? {} : { accountIndex }),
  });
  writeNewFile(values.out, `${JSON.stringify(signed, null, 2)}\n`, values.force);
  const count = signed.transactions.length + signed.authorizations.length;
  process.stdout.write(`signed plan ${plan.planId}: ${count} signatures written to ${values.out}\n`);
  return 0;
}

function readWholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`${flag} must be a whole number, got '${text}'`);
  return Number(text);
}

/** `--max-gas-price GWEI` (a decimal, e.g. `3.5`) in wei. */
function readMaxGasPrice(text: string | undefined): { maxGasPriceWei?: bigint } {
  if (text === undefined) return {};
  const parsed = parseAmount(text, 9);
  if (!parsed.ok) throw new UsageError(`--max-gas-price must be a number of gwei, got '${text}'`);
  return { maxGasPriceWei: parsed.value };
}
