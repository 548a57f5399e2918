// Guards against a committed sweeper artifact that no longer matches its Solidity source or cannot
// be rebuilt byte for byte: the sweeper's CREATE2 address depends on every byte of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContracts, KASSA_SWEEPER_ARTIFACT_PATH } from '../../../../../scripts/compileContracts.ts';
import { kassaSweeperAbi, kassaSweeperBytecode } from './kassaSweeperArtifact.ts';

describe('kassaSweeperArtifact', () => {
  // One compile only: solc-js takes seconds. compileContracts throws on any solc warning.
  it('is exactly what compileContracts produces from contracts/KassaSweeper.sol', () => {
    const compiled = compileContracts('KassaSweeper');
    expect(kassaSweeperBytecode).toBe(compiled.bytecode);
    expect(kassaSweeperAbi).toEqual(compiled.abi);
    expect(readFileSync(KASSA_SWEEPER_ARTIFACT_PATH, 'utf8')).toBe(compiled.artifactSource);
  });

  // The safety argument rests on there being no other way in: no owner, no setter, no arbitrary call.
  it('exposes only destination, sweep, sweepMany and receive', () => {
    const entries = kassaSweeperAbi
      .filter((item) => !['constructor', 'error', 'event'].includes(item.type))
      .map((item) => ('name' in item ? item.name : item.type));
    expect(entries.sort()).toEqual(['destination', 'receive', 'sweep', 'sweepMany']);
    expect(kassaSweeperAbi.filter((item) => item.type === 'event').map((item) => item.name)).toEqual(['NativeSwept']);
  });
});
