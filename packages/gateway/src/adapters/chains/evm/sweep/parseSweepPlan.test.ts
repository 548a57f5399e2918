// Risk: `sign` trusting a malformed or hand-edited plan file (a float amount, a bad checksum, a
// negative nonce) instead of refusing it with the place of the problem.
import { mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { buildExampleSweepPlan, EXAMPLE_SWEEP_DESTINATION } from '../../../../../test/support/buildExampleSweepPlan.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { parseSweepPlan } from './parseSweepPlan.ts';
import { readSweepJson } from './readSweepFields.ts';

type Json = Record<string, unknown>;

/** The example plan as a file would hold it, with `edit` applied to the parsed JSON. */
function planJson(edit: (plan: Json & { addresses: Json[]; batches: Json[] }) => void = () => {}): unknown {
  const json = JSON.parse(JSON.stringify(buildExampleSweepPlan('topup')));
  edit(json);
  return json;
}

function refusal(json: unknown): string {
  try {
    parseSweepPlan(json);
  } catch (error) {
    if (error instanceof SweepError) return error.message;
    throw error;
  }
  throw new Error('parseSweepPlan accepted the plan');
}

const firstTx = (plan: { addresses: Json[] }) => ((plan.addresses[0] as Json).transactions as Json[])[0] as Json;

describe('parseSweepPlan', () => {
  it('reads back both example plans exactly', () => {
    for (const strategy of ['topup', 'eip7702'] as const) {
      const plan = buildExampleSweepPlan(strategy);
      expect(parseSweepPlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
    }
  });

  it('returns addresses checksummed and drops unknown fields', () => {
    const parsed = parseSweepPlan(
      planJson((plan) => {
        plan.destination = EXAMPLE_SWEEP_DESTINATION.toLowerCase();
        plan.comment = 'added by hand';
      }),
    );
    expect(parsed.destination).toBe(EXAMPLE_SWEEP_DESTINATION);
    expect(parsed).not.toHaveProperty('comment');
  });

  it.each([
    ['not an object', () => [], /^plan must be an object/],
    [
      'another format',
      () => planJson((p) => (p.format = 'kassa-sweep-signed')),
      /^plan\.format must be "kassa-sweep-plan"/,
    ],
    ['another version', () => planJson((p) => (p.version = 2)), /^plan\.version must be 1/],
    ['an exponent amount', () => planJson((p) => (p.gasPrice = '2e9')), /^plan\.gasPrice must be a decimal string/],
    ['a leading zero', () => planJson((p) => (p.gasPrice = '02')), /^plan\.gasPrice must be a decimal/],
    [
      'a signed amount',
      () => planJson((p) => (firstTx(p).amount = '-1')),
      /^plan\.addresses\[0\]\.transactions\[0\]\.amount must/,
    ],
    ['garbage after digits', () => planJson((p) => (firstTx(p).amount = '15 ')), /transactions\[0\]\.amount must/],
    ['a number amount', () => planJson((p) => (firstTx(p).gasLimit = 60000)), /transactions\[0\]\.gasLimit must/],
    ['an amount over uint256', () => planJson((p) => (p.gasPrice = (2n ** 256n).toString())), /^plan\.gasPrice must/],
    [
      'a negative nonce',
      () => planJson((p) => ((p.addresses[1] as Json).nonce = -1)),
      /^plan\.addresses\[1\]\.nonce must be an integer/,
    ],
    [
      'a fractional nonce',
      () => planJson((p) => (firstTx(p).nonce = 0.5)),
      /transactions\[0\]\.nonce must be an integer/,
    ],
    [
      'a hardened index',
      () => planJson((p) => ((p.addresses[0] as Json).index = 2 ** 31)),
      /addresses\[0\]\.index must be an integer from 0 to 2147483647/,
    ],
    [
      'a wrong checksum',
      () => planJson((p) => (p.destination = EXAMPLE_SWEEP_DESTINATION.replace('C51', 'c51'))),
      /^plan\.destination has a wrong EIP-55 checksum/,
    ],
    ['a short address', () => planJson((p) => (p.gasWallet = '0x1234')), /^plan\.gasWallet must be an address/],
    [
      'the zero address',
      () => planJson((p) => (p.destination = `0x${'0'.repeat(40)}`)),
      /^plan\.destination must not be the zero address/,
    ],
    [
      'an unknown strategy',
      () => planJson((p) => (p.strategy = 'magic')),
      /^plan\.strategy must be "eip7702" or "topup"/,
    ],
    [
      'a token transfer without its token',
      () => planJson((p) => (firstTx(p).contract = null)),
      /transactions\[0\]\.contract must be the token/,
    ],
    [
      'addresses not an array',
      () => planJson((p) => (p.addresses = {} as Json[])),
      /^plan\.addresses must be an array/,
    ],
    [
      'a missing field',
      () => planJson((p) => delete (p.addresses[0] as Json).needsAuthorization),
      /addresses\[0\]\.needsAuthorization must be true or false/,
    ],
    [
      'a batch with a token list short',
      () => planJson((p) => p.batches.push({ addresses: [EXAMPLE_SWEEP_DESTINATION], tokens: [], gasLimit: '1' })),
      /^plan\.batches\[0\]\.tokens must have one list per address/,
    ],
    [
      'a private key for the xpub',
      () =>
        planJson(
          (p) =>
            (p.xpub = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, {
              path: "m/44'/60'/2'",
            }).getHdKey().privateExtendedKey),
        ),
      /^plan\.xpub: xpub is an extended PRIVATE key/,
    ],
    ['a bad time', () => planJson((p) => (p.createdAt = 'yesterday')), /^plan\.createdAt must be an ISO 8601 time/],
    ['a plan id with a path in it', () => planJson((p) => (p.planId = '../../etc')), /^plan\.planId must hold only/],
  ])('refuses %s, naming where', (_name, json, message) => {
    expect(refusal(json())).toMatch(message);
  });

  it('never echoes what it refuses', () => {
    const message = refusal(planJson((p) => (p.planId = ANVIL_DEFAULT_MNEMONIC)));
    expect(message).not.toContain('test');
    expect(() => readSweepJson(ANVIL_DEFAULT_MNEMONIC, 'plan.json')).toThrow(/^plan\.json is not valid JSON$/);
  });
});
