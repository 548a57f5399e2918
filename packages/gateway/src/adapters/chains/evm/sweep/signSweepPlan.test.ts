// Risk: the seed signing something other than "move these balances to the destination": a
// transaction to the wrong place, a wrong nonce or chain, an authorization for another contract;
// or a key or the phrase leaking into the signed file or an error message.
import {
  bytesToHex,
  decodeFunctionData,
  erc20Abi,
  keccak256,
  parseTransaction,
  recoverTransactionAddress,
  type TransactionSerializedLegacy,
} from 'viem';
import { english, generateMnemonic, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { recoverAuthorizationAddress } from 'viem/utils';
import { describe, expect, it } from 'vitest';
import {
  buildExampleSweepPlan,
  EXAMPLE_GAS_PRICE,
  EXAMPLE_SWEEP_DESTINATION,
  EXAMPLE_SWEEP_TOKEN,
} from '../../../../../test/support/buildExampleSweepPlan.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import { ANVIL_DEFAULT_CHAIN_ID, ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { parseSignedSweep } from './parseSignedSweep.ts';
import { predictSweeperAddress } from './predictSweeperAddress.ts';
import { signSweepPlan } from './signSweepPlan.ts';

const expected = { destination: EXAMPLE_SWEEP_DESTINATION, chainId: ANVIL_DEFAULT_CHAIN_ID };
const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/2'" }).getHdKey();
const ACCOUNT_XPRV = accountKey.privateExtendedKey;
const DEPOSIT_KEYS = [0, 1].map((i) => bytesToHex(accountKey.deriveChild(0).deriveChild(i).privateKey as Uint8Array));
/** Everything that must never appear in an output. */
const SECRETS = [ANVIL_DEFAULT_MNEMONIC, ACCOUNT_XPRV, ...DEPOSIT_KEYS.flatMap((k) => [k, k.slice(2)])];
const outputs: string[] = [];

function sign(plan: SweepPlan, secret = ANVIL_DEFAULT_MNEMONIC, accountIndex?: number) {
  const signed = signSweepPlan({ plan, secret, expected, ...(accountIndex === undefined ? {} : { accountIndex }) });
  outputs.push(JSON.stringify(signed));
  return signed;
}

function refusal(plan: SweepPlan, secret = ANVIL_DEFAULT_MNEMONIC, accountIndex?: number): string {
  try {
    sign(plan, secret, accountIndex);
  } catch (error) {
    if (!(error instanceof SweepError)) throw error;
    outputs.push(error.message);
    return error.message;
  }
  throw new Error('the plan was signed');
}

/** The example plan with one address's fields (and its first transaction's) changed. */
function tampered(strategy: 'topup' | 'eip7702', edit: (plan: Mutable) => void): SweepPlan {
  const plan = JSON.parse(JSON.stringify(buildExampleSweepPlan(strategy))) as Mutable;
  edit(plan);
  return plan as unknown as SweepPlan;
}
type MutableTx = Record<string, unknown>;
type Mutable = Record<string, unknown> & {
  addresses: (Record<string, unknown> & { transactions: MutableTx[]; tokens: Record<string, unknown>[] })[];
  batches: Record<string, unknown>[];
};
const tx = (plan: Mutable, address: number) => plan.addresses[address]?.transactions[0] as MutableTx;
const at = (plan: Mutable, address: number) => plan.addresses[address] as Mutable['addresses'][number];
const SECOND_DEPOSIT_ADDRESS = buildExampleSweepPlan('topup').addresses[1]?.address;

/** Each edit an attacker (or a slip) could make to a plan, and the refusal it must meet. */
const TAMPERINGS: [string, 'topup' | 'eip7702', (plan: Mutable) => void, RegExp][] = [
  [
    'another destination',
    'topup',
    (p) => {
      p.destination = SECOND_DEPOSIT_ADDRESS;
    },
    /destination 0x.* is not the configured sweepTo/,
  ],
  [
    'another chain',
    'topup',
    (p) => {
      (p.network as { chainId: number }).chainId = 1;
    },
    /its chain id is 1, but this network's is 31337/,
  ],
  [
    'another sweeper',
    'eip7702',
    (p) => {
      p.sweeper = EXAMPLE_SWEEP_TOKEN;
    },
    /its sweeper 0x5FbD.* is not the KassaSweeper for/,
  ],
  [
    'no sweeper under eip7702',
    'eip7702',
    (p) => {
      p.sweeper = null;
    },
    /its sweeper null is not the KassaSweeper/,
  ],
  [
    'a sweeper under topup',
    'topup',
    (p) => {
      p.sweeper = predictSweeperAddress(EXAMPLE_SWEEP_DESTINATION);
    },
    /it names a sweeper under the topup strategy/,
  ],
  [
    'an address not of its index',
    'topup',
    (p) => {
      at(p, 0).index = 5;
    },
    /is not address 5 of the plan's xpub/,
  ],
  [
    'a listed address twice',
    'topup',
    (p) => {
      p.addresses.push(at(p, 0));
    },
    /it lists 0x.* twice/,
  ],
  [
    'a transfer on an unlisted token',
    'topup',
    (p) => {
      at(p, 0).tokens.pop();
    },
    /calls 0x5FbD.*, which is not one of the address's listed tokens/,
  ],
  [
    'a transfer over the balance',
    'topup',
    (p) => {
      tx(p, 0).amount = '1500001';
    },
    /moves more 0x5FbD.* than the address holds/,
  ],
  [
    'a native send elsewhere',
    'topup',
    (p) => {
      tx(p, 1).to = EXAMPLE_SWEEP_TOKEN;
    },
    /sends native coin to 0x5FbD.*, not the destination/,
  ],
  [
    'a native send over the balance',
    'topup',
    (p) => {
      tx(p, 1).amount = String(10n ** 18n);
    },
    /would send more native coin than it holds after fees/,
  ],
  [
    'a nonce gap',
    'topup',
    (p) => {
      tx(p, 1).nonce = 4;
    },
    /transaction 0 has nonce 4, expected 3/,
  ],
  [
    'a huge gas limit',
    'topup',
    (p) => {
      tx(p, 1).gasLimit = '1000001';
    },
    /has gas limit 1000001, over 1000000/,
  ],
  [
    'an inflated top-up',
    'topup',
    (p) => {
      at(p, 0).topUp = String(10n ** 18n);
    },
    /gets a top-up larger than its transactions' fees/,
  ],
  [
    'an authorization under topup',
    'topup',
    (p) => {
      at(p, 0).needsAuthorization = true;
    },
    /asks for an authorization under topup/,
  ],
  [
    'a batch naming a stranger',
    'eip7702',
    (p) => {
      (p.batches[0] as { addresses: string[] }).addresses[1] = EXAMPLE_SWEEP_TOKEN;
    },
    /batch 0 names 0x5FbD.*, which is not among its addresses/,
  ],
  [
    'deposit transactions under eip7702',
    'eip7702',
    (p) => {
      at(p, 0).transactions.push({});
    },
    /has deposit transactions under eip7702/,
  ],
];

describe('signSweepPlan', () => {
  it('signs topup transactions that decode to exactly the planned transfers, from the deposit addresses', async () => {
    const plan = buildExampleSweepPlan('topup');
    const signed = sign(plan);
    expect(signed.plan).toBe(plan);
    expect(signed.authorizations).toEqual([]);
    expect(signed.transactions.map((t) => [t.address, t.kind, t.nonce])).toEqual([
      [plan.addresses[0]?.address, 'token', 0],
      [plan.addresses[1]?.address, 'native', 3],
    ]);
    const [token, native] = signed.transactions.map((t) => ({ t, decoded: parseTransaction(t.raw) }));
    for (const decodedTx of [token, native]) {
      if (decodedTx === undefined) throw new Error('missing transaction');
      const { t, decoded } = decodedTx;
      expect(decoded).toMatchObject({ type: 'legacy', chainId: ANVIL_DEFAULT_CHAIN_ID, gasPrice: EXAMPLE_GAS_PRICE });
      expect(t.hash).toBe(keccak256(t.raw));
      const sender = await recoverTransactionAddress({ serializedTransaction: t.raw as TransactionSerializedLegacy });
      expect(sender).toBe(t.address);
    }
    expect(token?.decoded).toMatchObject({ to: EXAMPLE_SWEEP_TOKEN.toLowerCase(), nonce: 0, gas: 60_000n });
    expect(token?.decoded.value ?? 0n).toBe(0n);
    const call = decodeFunctionData({ abi: erc20Abi, data: token?.decoded.data ?? '0x' });
    expect(call).toEqual({ functionName: 'transfer', args: [EXAMPLE_SWEEP_DESTINATION, 1_500_000n] });
    expect(native?.decoded).toMatchObject({
      to: EXAMPLE_SWEEP_DESTINATION.toLowerCase(),
      value: 10n ** 18n - 21_000n * EXAMPLE_GAS_PRICE,
      nonce: 3,
      gas: 21_000n,
    });
    expect(native?.decoded.data).toBeUndefined();
  });

  it('signs eip7702 authorizations for the sweeper, only where needed, at the address nonce', async () => {
    const plan = buildExampleSweepPlan('eip7702');
    const signed = sign(plan);
    expect(signed.transactions).toEqual([]);
    expect(signed.authorizations).toHaveLength(1);
    const [authorization] = signed.authorizations;
    if (authorization === undefined) throw new Error('missing authorization');
    expect(authorization).toMatchObject({
      address: plan.addresses[0]?.address,
      chainId: ANVIL_DEFAULT_CHAIN_ID,
      contract: predictSweeperAddress(EXAMPLE_SWEEP_DESTINATION),
      nonce: 0,
    });
    const { contract, ...signature } = authorization;
    const signer = await recoverAuthorizationAddress({ authorization: { ...signature, address: contract } });
    expect(signer).toBe(authorization.address);
  });

  it('signs the very bytes viem signs for the same transactions and authorizations', async () => {
    const [token, native] = sign(buildExampleSweepPlan('topup')).transactions;
    const accounts = DEPOSIT_KEYS.map((key) => privateKeyToAccount(key));
    for (const [t, account] of [
      [token, accounts[0]],
      [native, accounts[1]],
    ] as const) {
      if (t === undefined || account === undefined) throw new Error('missing transaction');
      const { r, s, v, yParity, ...unsigned } = parseTransaction(t.raw);
      expect(r).toMatch(/^0x/);
      expect(await account.signTransaction(unsigned)).toBe(t.raw);
    }
    const [authorization] = sign(buildExampleSweepPlan('eip7702')).authorizations;
    const viaViem = await accounts[0]?.signAuthorization({
      chainId: ANVIL_DEFAULT_CHAIN_ID,
      address: predictSweeperAddress(EXAMPLE_SWEEP_DESTINATION),
      nonce: 0,
    });
    expect(viaViem).toMatchObject({ r: authorization?.r, s: authorization?.s, yParity: authorization?.yParity });
  });

  it('writes a file parseSignedSweep reads back unchanged, and refuses a hash that is not the raw', () => {
    const signed = sign(buildExampleSweepPlan('topup'));
    const json = JSON.parse(JSON.stringify(signed));
    expect(parseSignedSweep(json)).toEqual(signed);
    json.transactions[0].hash = json.transactions[1].hash;
    expect(() => parseSignedSweep(json)).toThrow(
      'signed.transactions[0].hash is not the hash of signed.transactions[0].raw',
    );
  });

  it('refuses a topup plan priced above --max-gas-price, and takes one at it', () => {
    const plan = buildExampleSweepPlan('topup');
    const at = { ...expected, maxGasPriceWei: EXAMPLE_GAS_PRICE };
    expect(signSweepPlan({ plan, secret: ANVIL_DEFAULT_MNEMONIC, expected: at }).transactions).toHaveLength(2);
    const below = { ...expected, maxGasPriceWei: EXAMPLE_GAS_PRICE - 1n };
    expect(() => signSweepPlan({ plan, secret: ANVIL_DEFAULT_MNEMONIC, expected: below })).toThrow(
      `its gas price ${EXAMPLE_GAS_PRICE} wei is above the --max-gas-price of ${EXAMPLE_GAS_PRICE - 1n} wei`,
    );
  });

  it('takes the account xprv, a re-spaced upper-case phrase, or a named account', () => {
    const reference = sign(buildExampleSweepPlan('topup'));
    expect(sign(buildExampleSweepPlan('topup'), ` ${ACCOUNT_XPRV}\n`)).toEqual(reference);
    expect(
      sign(buildExampleSweepPlan('topup'), ANVIL_DEFAULT_MNEMONIC.toUpperCase().replaceAll(' ', ' \n\t ')),
    ).toEqual(reference);
    expect(sign(buildExampleSweepPlan('topup'), ANVIL_DEFAULT_MNEMONIC, 2)).toEqual(reference);
  });

  it.each([
    [
      'another wallet',
      generateMnemonic(english),
      undefined,
      /^the seed does not hold the plan's xpub \(tried accounts/,
    ],
    [
      'the right wallet at another account',
      ANVIL_DEFAULT_MNEMONIC,
      1,
      /^the seed does not hold the plan's xpub at account m\/44'\/60'\/1'$/,
    ],
    [
      'another account xprv',
      mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/1'" }).getHdKey().privateExtendedKey,
      undefined,
      /^the seed does not hold the plan's xpub/,
    ],
    [
      'a mistyped xprv',
      `${ACCOUNT_XPRV.slice(0, -1)}x`,
      undefined,
      /^the seed looks like an xprv but is not a valid one/,
    ],
    [
      'a bad checksum',
      'test test test test test test test test test test test test',
      undefined,
      /^the seed phrase fails its BIP-39 checksum/,
    ],
    [
      'an unknown word',
      'test test test test test test test test test tset test junk',
      undefined,
      /^the seed's word 10 is not in the BIP-39 English word list$/,
    ],
    [
      'a wrong length',
      'test test test junk',
      undefined,
      /^the seed must be a 12 to 24 word BIP-39 mnemonic or an account xprv \(got 4 words\)$/,
    ],
    ['the xpub itself', buildExampleSweepPlan('topup').xpub, undefined, /^the seed given is an xpub/],
  ])('refuses %s', (_name, secret, accountIndex, message) => {
    const text = refusal(buildExampleSweepPlan('topup'), secret, accountIndex);
    expect(text).toMatch(message);
    for (const word of secret.split(/\s+/).filter((w) => w.length > 4)) expect(text).not.toContain(word);
  });

  it.each(TAMPERINGS)('refuses a plan with %s', (_name, strategy, edit, message) => {
    expect(refusal(tampered(strategy, edit))).toMatch(message);
  });

  it('never puts the phrase, the xprv or a deposit key in a signed file or a message', () => {
    expect(outputs.length).toBeGreaterThan(25);
    const all = outputs.join('\n').toLowerCase();
    for (const secret of SECRETS) expect(all).not.toContain(secret.toLowerCase());
    expect(all).not.toMatch(/test test|test junk/);
  });
});
