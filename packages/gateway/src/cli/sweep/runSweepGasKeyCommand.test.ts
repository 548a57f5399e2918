// Risk: a new gas key is readable by others, printed, or overwrites a funded wallet's key file.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { runKassaProcess } from '../../../test/support/runKassaProcess.ts';

describe('kassa sweep gas-key', () => {
  it('writes a new key readable by its owner only, prints its address, never the key, and never overwrites', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kassa-gas-key-')), 'gas.key');
    const made = await runKassaProcess(['sweep', 'gas-key', '--out', file]);
    expect(made.code).toBe(0);
    const key = readFileSync(file, 'utf8').trim() as `0x${string}`;
    expect(key).toMatch(/^0x[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(made.stdout).toContain(privateKeyToAccount(key).address);
    expect(made.stdout + made.stderr).not.toContain(key.slice(2));

    const again = await runKassaProcess(['sweep', 'gas-key', '--out', file]);
    expect(again).toMatchObject({ code: 1, stderr: `kassa: ${file} exists; pass --force to overwrite it\n` });
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
  });
});
