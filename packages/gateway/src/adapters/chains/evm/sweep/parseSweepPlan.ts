import { SweepError } from '../../../../core/sweep/SweepError.ts';
import {
  SWEEP_PLAN_FORMAT,
  type SweepBatch,
  type SweepDust,
  type SweepPlan,
} from '../../../../core/sweep/SweepPlan.ts';
import { parseXpub } from '../parseXpub.ts';
import { MAX_ADDRESS_INDEX, parseSweepAddressPlan, parseSweepAsset } from './parseSweepAddressPlan.ts';
import {
  readAddress,
  readAmount,
  readEach,
  readInteger,
  readLiteral,
  readNullableAddress,
  readObject,
  readText,
} from './readSweepFields.ts';

/**
 * Reads a sweep plan from an untrusted file (already JSON-parsed: see `readSweepJson`): checks the
 * format and version, the type of every field, the shape of every array and object, addresses
 * (returned EIP-55 checksummed) and amounts (decimal strings of base units). Unknown fields are
 * dropped, so what is signed and embedded is exactly what was checked. Throws a SweepError naming
 * the JSON path of the first problem. Whether the plan is acceptable is `verifySweepPlan`'s job.
 *
 * @example
 * const plan = parseSweepPlan(readSweepJson(readFileSync(file, 'utf8'), file));
 */
export function parseSweepPlan(json: unknown, path = 'plan'): SweepPlan {
  const o = readObject(json, path);
  readLiteral(o.format, `${path}.format`, [SWEEP_PLAN_FORMAT]);
  readLiteral(o.version, `${path}.version`, [1] as const);
  const network = readObject(o.network, `${path}.network`);
  const cost = readObject(o.cost, `${path}.cost`);
  return {
    format: SWEEP_PLAN_FORMAT,
    version: 1,
    planId: readPlanId(o.planId, `${path}.planId`),
    createdAt: readTimestamp(o.createdAt, `${path}.createdAt`),
    network: {
      key: readText(network.key, `${path}.network.key`),
      chainId: readChainId(network.chainId, `${path}.network.chainId`),
    },
    xpub: readXpub(o.xpub, `${path}.xpub`),
    destination: readAddress(o.destination, `${path}.destination`),
    strategy: readLiteral(o.strategy, `${path}.strategy`, ['eip7702', 'topup'] as const),
    sweeper: readNullableAddress(o.sweeper, `${path}.sweeper`),
    gasWallet: readAddress(o.gasWallet, `${path}.gasWallet`),
    gasPrice: readAmount(o.gasPrice, `${path}.gasPrice`),
    maxFeePerGas: readAmount(o.maxFeePerGas, `${path}.maxFeePerGas`),
    maxPriorityFeePerGas: readAmount(o.maxPriorityFeePerGas, `${path}.maxPriorityFeePerGas`),
    addresses: readEach(o.addresses, `${path}.addresses`, parseSweepAddressPlan),
    batches: readEach(o.batches, `${path}.batches`, parseSweepBatch),
    dust: readEach(o.dust, `${path}.dust`, parseSweepDust),
    totals: readEach(o.totals, `${path}.totals`, parseSweepAsset),
    cost: {
      gasWalletFeesWei: readAmount(cost.gasWalletFeesWei, `${path}.cost.gasWalletFeesWei`),
      topUpsWei: readAmount(cost.topUpsWei, `${path}.cost.topUpsWei`),
      depositFeesWei: readAmount(cost.depositFeesWei, `${path}.cost.depositFeesWei`),
      gasWalletNeedsWei: readAmount(cost.gasWalletNeedsWei, `${path}.cost.gasWalletNeedsWei`),
    },
  };
}

function parseSweepBatch(value: unknown, path: string): SweepBatch {
  const o = readObject(value, path);
  const addresses = readEach(o.addresses, `${path}.addresses`, readAddress);
  const tokens = readEach(o.tokens, `${path}.tokens`, (list, listPath) => readEach(list, listPath, readAddress));
  // `sweepMany(accounts, tokens)` pairs them by position.
  if (tokens.length !== addresses.length) {
    throw new SweepError(`${path}.tokens must have one list per address (${addresses.length})`);
  }
  return { addresses, tokens, gasLimit: readAmount(o.gasLimit, `${path}.gasLimit`) };
}

function parseSweepDust(value: unknown, path: string): SweepDust {
  const o = readObject(value, path);
  return {
    address: readAddress(o.address, `${path}.address`),
    index: readInteger(o.index, `${path}.index`, MAX_ADDRESS_INDEX),
    contract: readNullableAddress(o.contract, `${path}.contract`),
    symbol: readText(o.symbol, `${path}.symbol`),
    amount: readAmount(o.amount, `${path}.amount`),
    reason: readLiteral(o.reason, `${path}.reason`, ['below-threshold', 'below-fee', 'foreign-code'] as const),
  };
}

function readPlanId(value: unknown, path: string): string {
  // The id names the sweep in the ledger and the send journal: keep it to characters safe anywhere.
  const id = readText(value, path);
  if (!/^[A-Za-z0-9._:-]+$/.test(id)) throw new SweepError(`${path} must hold only letters, digits and . _ : -`);
  return id;
}

function readTimestamp(value: unknown, path: string): string {
  const text = readText(value, path);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    Number.isNaN(Date.parse(text))
  ) {
    throw new SweepError(`${path} must be an ISO 8601 time (e.g. 2026-01-31T12:00:00.000Z)`);
  }
  return text;
}

function readChainId(value: unknown, path: string): number {
  const chainId = readInteger(value, path);
  if (chainId === 0) throw new SweepError(`${path} must be a positive integer`);
  return chainId;
}

function readXpub(value: unknown, path: string): string {
  const parsed = parseXpub(readText(value, path));
  // parseXpub's messages name what is wrong with the key, never the key itself.
  if (!parsed.ok) throw new SweepError(`${path}: ${parsed.message}`);
  return parsed.value.xpub;
}
