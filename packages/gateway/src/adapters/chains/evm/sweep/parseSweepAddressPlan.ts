import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { PlannedTransaction, SweepAddressPlan, SweepAsset } from '../../../../core/sweep/SweepPlan.ts';
import {
  readAddress,
  readAmount,
  readBoolean,
  readEach,
  readInteger,
  readLiteral,
  readNullableAddress,
  readObject,
  readText,
} from './readSweepFields.ts';

/** BIP-32 non-hardened child indexes: deposit addresses are `xpub/0/<index>`. */
export const MAX_ADDRESS_INDEX = 2 ** 31 - 1;
// ERC-20 decimals is a uint8.
const MAX_DECIMALS = 255;

/** One entry of `plan.addresses`, read from an untrusted file (see parseSweepPlan). */
export function parseSweepAddressPlan(value: unknown, path: string): SweepAddressPlan {
  const o = readObject(value, path);
  return {
    index: readInteger(o.index, `${path}.index`, MAX_ADDRESS_INDEX),
    address: readAddress(o.address, `${path}.address`),
    nonce: readInteger(o.nonce, `${path}.nonce`),
    native: readAmount(o.native, `${path}.native`),
    tokens: readEach(o.tokens, `${path}.tokens`, parseSweepAsset),
    topUp: readAmount(o.topUp, `${path}.topUp`),
    transactions: readEach(o.transactions, `${path}.transactions`, parsePlannedTransaction),
    needsAuthorization: readBoolean(o.needsAuthorization, `${path}.needsAuthorization`),
  };
}

/** A balance (`tokens`, `totals`): `contract` null is the native coin. */
export function parseSweepAsset(value: unknown, path: string): SweepAsset {
  const o = readObject(value, path);
  return {
    contract: readNullableAddress(o.contract, `${path}.contract`),
    symbol: readText(o.symbol, `${path}.symbol`),
    decimals: readInteger(o.decimals, `${path}.decimals`, MAX_DECIMALS),
    amount: readAmount(o.amount, `${path}.amount`),
  };
}

function parsePlannedTransaction(value: unknown, path: string): PlannedTransaction {
  const o = readObject(value, path);
  const kind = readLiteral(o.kind, `${path}.kind`, ['token', 'native'] as const);
  const contract = readNullableAddress(o.contract, `${path}.contract`);
  // The kind and the contract must agree, or `sign` could not tell what it is building.
  if ((kind === 'token') !== (contract !== null)) {
    throw new SweepError(`${path}.contract must be the token for a "token" transaction and null for "native"`);
  }
  return {
    kind,
    nonce: readInteger(o.nonce, `${path}.nonce`),
    to: readAddress(o.to, `${path}.to`),
    contract,
    amount: readAmount(o.amount, `${path}.amount`),
    gasLimit: readAmount(o.gasLimit, `${path}.gasLimit`),
  };
}
