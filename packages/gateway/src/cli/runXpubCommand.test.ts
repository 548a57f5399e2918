// Risk: an operator configures a TRON network with the wrong xpub (the EVM path, the wrong account),
// so buyers pay to addresses their wallet does not show, or the seed leaks into the output.

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseXpub } from '../adapters/chains/evm/parseXpub.ts';
import { UsageError } from './parseCommandArgs.ts';
import { runXpubCommand } from './runXpubCommand.ts';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

function seedFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kassa-xpub-')), 'seed');
  writeFileSync(file, content);
  chmodSync(file, 0o600);
  return file;
}

async function run(args: readonly string[]): Promise<string> {
  let out = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  expect(await runXpubCommand(args, stdout as unknown as typeof process.stdout)).toBe(0);
  return out;
}

describe('kassa xpub', () => {
  it("TRON: the account key at m/44'/195'/0' whose first address is the published one of \"abandon … about\"", async () => {
    const out = JSON.parse(await run(['--kind', 'tron', '--seed-file', seedFile(`${ABANDON}\n`), '--json']));
    // hyperlane-xyz tron-sdk testing constants: this seed's m/44'/195'/0'/0/0 is TUEZSd… (see test/tronDerivation.test.ts).
    expect(out).toMatchObject({
      kind: 'tron',
      path: "m/44'/195'/0'",
      first_address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
    });
    expect(parseXpub(out.xpub)).toMatchObject({ ok: true, value: { depth: 3 } });
  });

  it("EVM: m/44'/60'/0', the first address MetaMask shows for \"abandon … about\"", async () => {
    const out = JSON.parse(await run(['--kind', 'evm', '--seed-file', seedFile(ABANDON), '--json']));
    expect(out).toMatchObject({ path: "m/44'/60'/0'", first_address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' });
  });

  it('another account gives another key; the text output says how to configure it and never shows the seed', async () => {
    const file = seedFile(ABANDON);
    const first = JSON.parse(await run(['--kind', 'tron', '--seed-file', file, '--json']));
    const text = await run(['--kind', 'tron', '--account', '1', '--seed-file', file]);
    expect(text).toContain("account m/44'/195'/1'");
    expect(text).not.toContain(first.xpub);
    expect(text).toMatch(/"networks": \{ "TRON": \{ "xpub": "xpub6[1-9A-HJ-NP-Za-km-z]+" \} \}/);
    expect(text).not.toContain('abandon');
  });

  it('refuses a missing or unknown kind, a bad account, and a seed with a wrong word', async () => {
    const file = seedFile(ABANDON);
    await expect(runXpubCommand(['--seed-file', file])).rejects.toThrow(
      new UsageError('xpub needs --kind tron or --kind evm'),
    );
    await expect(runXpubCommand(['--kind', 'btc', '--seed-file', file])).rejects.toThrow(UsageError);
    await expect(runXpubCommand(['--kind', 'tron', '--account', '-1', '--seed-file', file])).rejects.toThrow(
      /--account/,
    );
    await expect(
      runXpubCommand(['--kind', 'tron', '--seed-file', seedFile(ABANDON.replace(/about$/, 'abandon'))]),
    ).rejects.toThrow('the seed phrase fails its BIP-39 checksum: a word is wrong or out of order');
  });
});
