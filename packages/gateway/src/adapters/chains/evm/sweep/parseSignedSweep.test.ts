// Risk: `send` broadcasting from a malformed or hand-edited signed file instead of refusing it.
import { describe, expect, it } from 'vitest';
import { buildExampleSweepPlan, EXAMPLE_SWEEP_DESTINATION } from '../../../../../test/support/buildExampleSweepPlan.ts';
import { ANVIL_DEFAULT_CHAIN_ID, ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { parseSignedSweep } from './parseSignedSweep.ts';
import { signSweepPlan } from './signSweepPlan.ts';

const expected = { destination: EXAMPLE_SWEEP_DESTINATION, chainId: ANVIL_DEFAULT_CHAIN_ID };
type SignedFile = Record<string, unknown> & {
  plan: Record<string, unknown>;
  authorizations: Record<string, unknown>[];
};
const signedFile = (strategy: 'topup' | 'eip7702'): SignedFile =>
  JSON.parse(
    JSON.stringify(signSweepPlan({ plan: buildExampleSweepPlan(strategy), secret: ANVIL_DEFAULT_MNEMONIC, expected })),
  );

describe('parseSignedSweep', () => {
  it('reads back what sign writes, for both strategies', () => {
    for (const strategy of ['topup', 'eip7702'] as const) {
      const json = signedFile(strategy);
      expect(parseSignedSweep(structuredClone(json))).toEqual(json);
    }
  });

  it.each([
    ['a plan file', (s: SignedFile) => s.plan, /^signed\.format must be "kassa-sweep-signed"/],
    [
      'a broken embedded plan',
      (s: SignedFile) => ({ ...s, plan: { ...s.plan, gasPrice: 1 } }),
      /^signed\.plan\.gasPrice must be a decimal/,
    ],
    [
      'a short r',
      (s: SignedFile) => ({ ...s, authorizations: [{ ...s.authorizations[0], r: '0x12' }] }),
      /^signed\.authorizations\[0\]\.r must be 0x and 64 hex digits/,
    ],
    [
      'a yParity of 27',
      (s: SignedFile) => ({ ...s, authorizations: [{ ...s.authorizations[0], yParity: 27 }] }),
      /^signed\.authorizations\[0\]\.yParity must be 0 or 1/,
    ],
    [
      'raw that is not hex',
      (s: SignedFile) => ({
        ...s,
        transactions: [
          { address: EXAMPLE_SWEEP_DESTINATION, kind: 'token', nonce: 0, hash: `0x${'0'.repeat(64)}`, raw: '0xzz' },
        ],
      }),
      /^signed\.transactions\[0\]\.raw must be 0x-prefixed hex/,
    ],
  ])('refuses %s, naming where', (_name, edit, message) => {
    expect(() => parseSignedSweep(edit(signedFile('eip7702')))).toThrow(message);
  });
});
