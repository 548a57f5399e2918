import { secp256k1 } from '@noble/curves/secp256k1';
import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  keccak256,
  numberToHex,
  serializeTransaction,
} from 'viem';
import { hashAuthorization } from 'viem/utils';
import {
  SIGNED_SWEEP_FORMAT,
  type SignedAuthorization,
  type SignedDepositTransaction,
  type SignedSweep,
} from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepAddressPlan, SweepHex, SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import { type DepositKey, deriveSweepAccount } from './deriveSweepAccount.ts';
import { type SweepExpectations, verifySweepPlan } from './verifySweepPlan.ts';

export type SignSweepPlanParameters = {
  /** A plan read with `parseSweepPlan`. */
  readonly plan: SweepPlan;
  /** BIP-39 mnemonic or account xprv (see `deriveSweepAccount`). */
  readonly secret: string;
  /** From the signer's own config, never from the plan. */
  readonly expected: SweepExpectations;
  /** The `a` of `m/44'/60'/a'`; absent: found by trying 0…19. */
  readonly accountIndex?: number;
};

/**
 * Signs a sweep plan offline: verifies it (`verifySweepPlan`), finds the plan's xpub in the seed,
 * checks every address is `xpub/0/<index>`, then builds and signs, from the plan's fields only:
 * - topup: each planned transaction as a legacy (type 0, EIP-155) transaction at the plan's gas
 *   price: a token's `transfer(destination, amount)`, or native coin sent to the destination;
 * - eip7702: for each address not yet delegated, an authorization for the plan's sweeper at the
 *   address's current nonce (the gas wallet, not the address, sends the batch, so the address's
 *   nonce does not move before the authorization is used).
 * No network, and synchronous (signing is pure computation; viem's account methods are async only
 * by convention). The output embeds the plan as parsed and holds signatures, never a key.
 *
 * @example
 * const signed = signSweepPlan({ plan, secret, expected: { destination, chainId } });
 */
export function signSweepPlan(p: SignSweepPlanParameters): SignedSweep {
  const { plan } = p;
  verifySweepPlan(plan, p.expected);
  const { depositKey } = deriveSweepAccount(p.secret, plan.xpub, p.accountIndex);
  const transactions: SignedDepositTransaction[] = [];
  const authorizations: SignedAuthorization[] = [];
  for (const address of plan.addresses) {
    const key = depositKey(address.index);
    if (key.address.toLowerCase() !== address.address.toLowerCase()) {
      throw new SweepError(`sweep plan refused: ${address.address} is not address ${address.index} of the plan's xpub`);
    }
    if (plan.strategy === 'topup') transactions.push(...signDepositTransactions(plan, address, key));
    else if (address.needsAuthorization) authorizations.push(signSweeperAuthorization(plan, address, key));
  }
  return { format: SIGNED_SWEEP_FORMAT, version: 1, plan, transactions, authorizations };
}

function signDepositTransactions(
  plan: SweepPlan,
  address: SweepAddressPlan,
  key: DepositKey,
): SignedDepositTransaction[] {
  return address.transactions.map((tx) => {
    const common = {
      type: 'legacy',
      chainId: plan.network.chainId,
      nonce: tx.nonce,
      gas: BigInt(tx.gasLimit),
      gasPrice: BigInt(plan.gasPrice),
    } as const;
    // Built from the semantic fields: a native send always pays the destination (whatever `to`
    // says), and a token transfer always pays the destination.
    const unsigned =
      tx.kind === 'native'
        ? { ...common, to: plan.destination, value: BigInt(tx.amount) }
        : { ...common, to: tx.to, value: 0n, data: transferData(plan.destination, BigInt(tx.amount)) };
    const { r, s, yParity } = signHash(keccak256(serializeTransaction(unsigned)), key);
    // EIP-155: serializeTransaction turns v into chainId * 2 + 35 + yParity.
    const raw = serializeTransaction(unsigned, { r, s, v: 27n + BigInt(yParity), yParity });
    return { address: address.address, kind: tx.kind, nonce: tx.nonce, hash: keccak256(raw), raw };
  });
}

function signSweeperAuthorization(plan: SweepPlan, address: SweepAddressPlan, key: DepositKey): SignedAuthorization {
  // verifySweepPlan has checked it is the destination's KassaSweeper.
  const contract = plan.sweeper as SweepHex;
  const chainId = plan.network.chainId;
  const hash = hashAuthorization({ chainId, address: contract, nonce: address.nonce });
  return { address: address.address, chainId, contract, nonce: address.nonce, ...signHash(hash, key) };
}

/** secp256k1 over a 32-byte hash, low-s, deterministic (RFC 6979), as viem's `sign` does. */
function signHash(hash: Hex, key: DepositKey): { r: SweepHex; s: SweepHex; yParity: number } {
  const signature = secp256k1.sign(hash.slice(2), key.privateKey.slice(2), { lowS: true });
  return {
    r: numberToHex(signature.r, { size: 32 }),
    s: numberToHex(signature.s, { size: 32 }),
    yParity: signature.recovery,
  };
}

function transferData(destination: Address, amount: bigint): SweepHex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [destination, amount] });
}
