import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import tty from 'node:tty';
import { SweepError } from '../../core/sweep/SweepError.ts';

/** Where the seed is typed: a terminal's input (raw mode, no echo) and where the prompt goes. */
export type SeedTerminal = {
  readonly input: NodeJS.ReadableStream & { setRawMode?: (mode: boolean) => unknown };
  readonly output: NodeJS.WritableStream;
};

export type ReadSeedSecretParameters = {
  /** `--seed-file`: must not be readable by group or others (like ssh with a private key). */
  readonly file?: string;
  /** `--seed-fd`: an open descriptor, e.g. `--seed-fd 3 3< <(pass show shop/seed)`. */
  readonly fd?: number;
  /** Where to prompt when neither is given; default: stdin if it is a terminal, else /dev/tty. */
  readonly terminal?: SeedTerminal;
};

const PROMPT = 'Seed (mnemonic or account xprv, not shown): ';
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = ['\u007f', '\b'];

/**
 * Reads the sweep seed (a mnemonic or an account xprv) for `kassa sweep sign`: from `--seed-file`,
 * from `--seed-fd`, else typed at the terminal with echo off (Ctrl-C aborts). Whitespace around it
 * is trimmed. The seed is never logged, and no message here quotes it. A seed file readable by
 * group or others is refused, not just warned about: a warning scrolls by, and a seed once copied
 * cannot be taken back.
 *
 * @example
 * const secret = await readSeedSecret({ file: args.seedFile, fd: args.seedFd });
 */
export async function readSeedSecret(p: ReadSeedSecretParameters): Promise<string> {
  if (p.file !== undefined) return nonEmpty(readSeedFile(p.file), `seed file ${p.file}`);
  if (p.fd !== undefined) return nonEmpty(readSeedFd(p.fd), `--seed-fd ${p.fd}`);
  if (p.terminal !== undefined) return nonEmpty(await promptHidden(p.terminal), 'the seed typed');
  const opened = openTerminal();
  try {
    return nonEmpty(await promptHidden(opened.terminal), 'the seed typed');
  } finally {
    opened.close();
  }
}

function readSeedFile(file: string): string {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new SweepError(`seed file ${file} is not a regular file`);
    // POSIX permission bits; Windows reports them loosely, so the check would only get in the way there.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new SweepError(`seed file ${file} is readable by other users: run chmod 600 ${file}`);
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw translateReadError(error, `seed file ${file}`);
  }
}

function readSeedFd(fd: number): string {
  if (!Number.isSafeInteger(fd) || fd < 0) throw new SweepError('--seed-fd must be a file descriptor number');
  try {
    return readFileSync(fd, 'utf8');
  } catch (error) {
    throw translateReadError(error, `--seed-fd ${fd}`);
  }
}

/** fs errors name the path and a code, never the contents; kept as the cause. */
function translateReadError(error: unknown, what: string): unknown {
  if (error instanceof SweepError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error;
  return new SweepError(`cannot read ${what} (${code})`, { cause: error });
}

function nonEmpty(text: string, what: string): string {
  const secret = text.trim();
  if (secret.length === 0) throw new SweepError(`${what} is empty`);
  return secret;
}

/** stdin when it is a terminal; else the controlling terminal (stdin may be a pipe of something else). */
function openTerminal(): { terminal: SeedTerminal; close: () => void } {
  if (process.stdin.isTTY) return { terminal: { input: process.stdin, output: process.stderr }, close: () => {} };
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === undefined) throw error;
    throw new SweepError('no seed given: --seed-file, --seed-fd or a terminal', { cause: error });
  }
  const input = new tty.ReadStream(fd);
  const output = new tty.WriteStream(fd);
  return {
    terminal: { input, output },
    close: () => {
      input.destroy();
      output.destroy();
      closeSync(fd);
    },
  };
}

/** Reads one line in raw mode, printing nothing of it. Backspace edits; Ctrl-C (and Ctrl-D on an empty line) abort. */
function promptHidden(terminal: SeedTerminal): Promise<string> {
  const { input, output } = terminal;
  output.write(PROMPT);
  input.setRawMode?.(true);
  input.setEncoding('utf8');
  let typed = '';
  return new Promise<string>((resolve, reject) => {
    const finish = (error: SweepError | undefined) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error === undefined) resolve(typed);
      else reject(error);
    };
    const onEnd = () => finish(typed.length > 0 ? undefined : new SweepError('no seed typed'));
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (char === CTRL_C || (char === CTRL_D && typed.length === 0)) return finish(new SweepError('aborted'));
        if (char === '\r' || char === '\n' || char === CTRL_D) return finish(undefined);
        if (BACKSPACES.includes(char)) typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
