// Risk: the seed read from a file anyone on the machine can read, echoed while typed, or quoted in
// an error; or `sign` hanging for input when there is no way to give it.
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { readSeedSecret, type SeedTerminal } from './readSeedSecret.ts';

const SEED = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const dir = mkdtempSync(path.join(tmpdir(), 'kassa-seed-'));

function seedFile(name: string, text: string, mode: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

async function refusal(read: Promise<string>): Promise<string> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SweepError)) throw new Error(`expected a SweepError, got ${String(error)}`);
  expect(error.message).not.toContain('legal');
  return error.message;
}

/** A terminal made of streams: what is typed goes in `input`; `shown` is everything printed. */
function fakeTerminal(): { terminal: SeedTerminal; type: (text: string) => void; shown: () => string; raw: boolean[] } {
  const input = Object.assign(new PassThrough(), { setRawMode: (mode: boolean) => raw.push(mode) });
  const output = new PassThrough();
  const raw: boolean[] = [];
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
  });
  return { terminal: { input, output }, type: (text) => input.write(text), shown: () => shown, raw };
}

describe('readSeedSecret', () => {
  it('reads a private seed file, trimmed', async () => {
    expect(await readSeedSecret({ file: seedFile('ok', `\n  ${SEED}  \n`, 0o600) })).toBe(SEED);
  });

  it('refuses a seed file others can read, an empty one and a missing one, quoting none', async () => {
    const shared = seedFile('shared', SEED, 0o640);
    expect(await refusal(readSeedSecret({ file: shared }))).toBe(
      `seed file ${shared} is readable by other users: run chmod 600 ${shared}`,
    );
    expect(await refusal(readSeedSecret({ file: seedFile('empty', ' \n', 0o600) }))).toMatch(
      /^seed file .*empty is empty$/,
    );
    expect(await refusal(readSeedSecret({ file: path.join(dir, 'absent') }))).toMatch(
      /^cannot read seed file .*absent \(ENOENT\)$/,
    );
    expect(await refusal(readSeedSecret({ file: dir }))).toMatch(/is not a regular file$/);
  });

  it('reads an open file descriptor', async () => {
    const fd = openSync(seedFile('fd', `${SEED}\n`, 0o600), 'r');
    try {
      expect(await readSeedSecret({ fd })).toBe(SEED);
    } finally {
      closeSync(fd);
    }
    expect(await refusal(readSeedSecret({ fd: 987 }))).toBe('cannot read --seed-fd 987 (EBADF)');
  });

  it('reads a typed line in raw mode without echoing it, honouring backspace', async () => {
    const { terminal, type, shown, raw } = fakeTerminal();
    const read = readSeedSecret({ terminal });
    type(`${SEED}x`);
    type('\u007f\r');
    expect(await read).toBe(SEED);
    expect(raw).toEqual([true, false]);
    expect(shown()).toBe('Seed (mnemonic or account xprv, not shown): \n');
  });

  it('aborts on Ctrl-C, and on Ctrl-D or end of input with nothing typed', async () => {
    for (const keys of [`${SEED.slice(0, 10)}\u0003`, '\u0004']) {
      const { terminal, type, raw } = fakeTerminal();
      const read = readSeedSecret({ terminal });
      type(keys);
      expect(await refusal(read)).toBe('aborted');
      expect(raw).toEqual([true, false]);
    }
    const { terminal } = fakeTerminal();
    const read = readSeedSecret({ terminal });
    terminal.input.emit('end');
    expect(await refusal(read)).toBe('no seed typed');
  });

  it('says how to give the seed when there is no file, no descriptor and no terminal', async () => {
    // A new session (setsid) has no controlling terminal, and its stdin is not one either.
    const module = fileURLToPath(new URL('./readSeedSecret.ts', import.meta.url));
    const script = `import(${JSON.stringify(module)}).then((m) => m.readSeedSecret({})).then(() => console.log('read'), (e) => console.log(e.message));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out.trim()).toBe('no seed given: --seed-file, --seed-fd or a terminal');
  });
});
