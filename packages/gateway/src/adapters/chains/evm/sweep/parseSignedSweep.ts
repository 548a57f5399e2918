import { keccak256 } from 'viem';
import {
  SIGNED_SWEEP_FORMAT,
  type SignedAuthorization,
  type SignedDepositTransaction,
  type SignedSweep,
} from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { parseSweepPlan } from './parseSweepPlan.ts';
import { readAddress, readEach, readHex, readInteger, readLiteral, readObject } from './readSweepFields.ts';

const WORD_BYTES = 32;

/**
 * Reads a signed sweep (the output of `sign`) from an untrusted file, already JSON-parsed: the
 * embedded plan as `parseSweepPlan` reads it, and the shape of every signed transaction and
 * authorization. Throws a SweepError naming the JSON path of the first problem. It does not
 * re-check signatures: `send` broadcasts, and the chain refuses what was not signed by the address.
 *
 * @example
 * const signed = parseSignedSweep(readSweepJson(readFileSync(file, 'utf8'), file));
 */
export function parseSignedSweep(json: unknown, path = 'signed'): SignedSweep {
  const o = readObject(json, path);
  readLiteral(o.format, `${path}.format`, [SIGNED_SWEEP_FORMAT]);
  readLiteral(o.version, `${path}.version`, [1] as const);
  return {
    format: SIGNED_SWEEP_FORMAT,
    version: 1,
    plan: parseSweepPlan(o.plan, `${path}.plan`),
    transactions: readEach(o.transactions, `${path}.transactions`, parseSignedDepositTransaction),
    authorizations: readEach(o.authorizations, `${path}.authorizations`, parseSignedAuthorization),
  };
}

function parseSignedDepositTransaction(value: unknown, path: string): SignedDepositTransaction {
  const o = readObject(value, path);
  const hash = readHex(o.hash, `${path}.hash`, WORD_BYTES);
  const raw = readHex(o.raw, `${path}.raw`);
  // `send` journals the hash before broadcasting the raw bytes: they must be the same transaction.
  if (keccak256(raw) !== hash) throw new SweepError(`${path}.hash is not the hash of ${path}.raw`);
  return {
    address: readAddress(o.address, `${path}.address`),
    kind: readLiteral(o.kind, `${path}.kind`, ['token', 'native'] as const),
    nonce: readInteger(o.nonce, `${path}.nonce`),
    hash,
    raw,
  };
}

function parseSignedAuthorization(value: unknown, path: string): SignedAuthorization {
  const o = readObject(value, path);
  return {
    address: readAddress(o.address, `${path}.address`),
    chainId: readInteger(o.chainId, `${path}.chainId`),
    contract: readAddress(o.contract, `${path}.contract`),
    nonce: readInteger(o.nonce, `${path}.nonce`),
    r: readHex(o.r, `${path}.r`, WORD_BYTES),
    s: readHex(o.s, `${path}.s`, WORD_BYTES),
    yParity: readLiteral(o.yParity, `${path}.yParity`, [0, 1] as const),
  };
}
