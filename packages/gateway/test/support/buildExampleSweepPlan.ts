import type { Address } from 'viem';
import { deriveDepositAddress } from '../../src/adapters/chains/evm/deriveDepositAddress.ts';
import { DEV_XPUB } from '../../src/adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_CHAIN_ID } from '../../src/adapters/chains/evm/startAnvil.ts';
import { predictSweeperAddress } from '../../src/adapters/chains/evm/sweep/predictSweeperAddress.ts';
import type { SweepAddressPlan, SweepAsset, SweepPlan, SweepStrategy } from '../../src/core/sweep/SweepPlan.ts';

/** Anvil's account 1: a destination nobody confuses with a deposit address. Dev and test use only. */
export const EXAMPLE_SWEEP_DESTINATION: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** A token contract address for hand-built plans (nothing needs to be deployed there to sign). */
export const EXAMPLE_SWEEP_TOKEN: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const EXAMPLE_GAS_PRICE = 2_000_000_000n;
const TOKEN_GAS = 60_000n;
const NATIVE_GAS = 21_000n;
const ONE_ETH = 10n ** 18n;

/** The sandbox's deposit address `DEV_XPUB/0/<index>` (account m/44'/60'/2' of anvil's mnemonic). */
export function exampleDepositAddress(index: number): Address {
  return deriveDepositAddress(DEV_XPUB, index);
}

/** Address 0: 1.5 test USDT; under topup, one token transfer paid by a top-up. */
function exampleTokenHolder(topup: boolean, usdt: SweepAsset): SweepAddressPlan {
  const transfer = {
    kind: 'token',
    nonce: 0,
    to: EXAMPLE_SWEEP_TOKEN,
    contract: EXAMPLE_SWEEP_TOKEN,
    amount: usdt.amount,
    gasLimit: String(TOKEN_GAS),
  } as const;
  return {
    index: 0,
    address: exampleDepositAddress(0),
    nonce: 0,
    native: '0',
    tokens: [usdt],
    topUp: topup ? String(TOKEN_GAS * EXAMPLE_GAS_PRICE) : '0',
    transactions: topup ? [transfer] : [],
    needsAuthorization: !topup,
  };
}

/** Address 1: 1 ETH at nonce 3; under topup, one native send of value minus fee; already delegated under eip7702. */
function exampleCoinHolder(topup: boolean): SweepAddressPlan {
  const send = {
    kind: 'native',
    nonce: 3,
    to: EXAMPLE_SWEEP_DESTINATION,
    contract: null,
    amount: String(ONE_ETH - NATIVE_GAS * EXAMPLE_GAS_PRICE),
    gasLimit: String(NATIVE_GAS),
  } as const;
  return {
    index: 1,
    address: exampleDepositAddress(1),
    nonce: 3,
    native: String(ONE_ETH),
    tokens: [],
    topUp: '0',
    transactions: topup ? [send] : [],
    needsAuthorization: false,
  };
}

/**
 * A plan as `kassa sweep plan` would write it for the sandbox xpub, built by hand so `sign` can be
 * tested without a database or a chain: address 0 holds 1.5 test USDT (topup: one token transfer
 * paid by a top-up), address 1 holds 1 ETH at nonce 3 (topup: one native send of value minus fee).
 * Under eip7702 address 0 needs an authorization and address 1 is already delegated.
 */
export function buildExampleSweepPlan(strategy: SweepStrategy): SweepPlan {
  const tokenFee = TOKEN_GAS * EXAMPLE_GAS_PRICE;
  const nativeFee = NATIVE_GAS * EXAMPLE_GAS_PRICE;
  const topup = strategy === 'topup';
  const usdt = { contract: EXAMPLE_SWEEP_TOKEN, symbol: 'USDT', decimals: 6, amount: '1500000' };
  const tokenHolder = exampleTokenHolder(topup, usdt);
  const coinHolder = exampleCoinHolder(topup);
  return {
    format: 'kassa-sweep-plan',
    version: 1,
    planId: 'sweep-example-1',
    createdAt: '2026-12-02T12:00:00.000Z',
    network: { key: 'DEV', chainId: ANVIL_DEFAULT_CHAIN_ID },
    xpub: DEV_XPUB,
    destination: EXAMPLE_SWEEP_DESTINATION,
    strategy,
    sweeper: topup ? null : predictSweeperAddress(EXAMPLE_SWEEP_DESTINATION),
    gasWallet: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    gasPrice: String(EXAMPLE_GAS_PRICE),
    maxFeePerGas: '3000000000',
    maxPriorityFeePerGas: '1000000000',
    addresses: [tokenHolder, coinHolder],
    batches: topup
      ? []
      : [
          {
            addresses: [tokenHolder.address, coinHolder.address],
            tokens: [[EXAMPLE_SWEEP_TOKEN], []],
            gasLimit: '120000',
          },
        ],
    dust: [],
    totals: [
      usdt,
      { contract: null, symbol: 'ETH', decimals: 18, amount: String(topup ? ONE_ETH - nativeFee : ONE_ETH) },
    ],
    cost: {
      gasWalletFeesWei: String(topup ? nativeFee : 120_000n * 3_000_000_000n),
      topUpsWei: topup ? String(tokenFee) : '0',
      depositFeesWei: topup ? String(nativeFee) : '0',
      gasWalletNeedsWei: String(topup ? nativeFee + tokenFee : 120_000n * 3_000_000_000n),
    },
  };
}
