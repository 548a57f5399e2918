import { validateMnemonic } from '@scure/bip39';
import { english } from 'viem/accounts';
import { SweepError } from '../../core/sweep/SweepError.ts';

const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24];

/**
 * A BIP-39 English mnemonic as typed (any case, spacing), in its canonical form: lower case, single
 * spaces, NFKD. Validates the word count, the words and the checksum, each with a message that says
 * which (never quoting the seed).
 */
export function normalizeMnemonic(secret: string): string {
  const words = secret
    .normalize('NFKD')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 1 && words[0]?.startsWith('xpub')) {
    throw new SweepError('the seed given is an xpub: sign needs the mnemonic or the account xprv');
  }
  if (!MNEMONIC_WORD_COUNTS.includes(words.length)) {
    throw new SweepError(
      `the seed must be a 12 to 24 word BIP-39 mnemonic or an account xprv (got ${words.length} words)`,
    );
  }
  const unknown = words.findIndex((w) => !english.includes(w));
  if (unknown >= 0) throw new SweepError(`the seed's word ${unknown + 1} is not in the BIP-39 English word list`);
  const mnemonic = words.join(' ');
  if (!validateMnemonic(mnemonic, english)) {
    throw new SweepError('the seed phrase fails its BIP-39 checksum: a word is wrong or out of order');
  }
  return mnemonic;
}
