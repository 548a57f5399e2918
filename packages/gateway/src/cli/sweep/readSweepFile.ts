import { readFileSync } from 'node:fs';
import { readSweepJson } from '../../adapters/chains/evm/sweep/readSweepFields.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';

/** The JSON of a plan or signed-sweep file, still untrusted; never echoes its text on failure. */
export function readSweepFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SweepError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return readSweepJson(text, `the ${what} ${file}`);
}
