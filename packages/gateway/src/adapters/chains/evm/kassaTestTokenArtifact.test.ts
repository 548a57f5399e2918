// Guards against a committed token artifact that no longer matches its Solidity source or cannot be rebuilt byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContracts, KASSA_TEST_TOKEN_ARTIFACT_PATH } from '../../../../scripts/compileContracts.ts';
import { kassaTestTokenAbi, kassaTestTokenBytecode } from './kassaTestTokenArtifact.ts';

describe('kassaTestTokenArtifact', () => {
  // The committed file was compiled in another process (and on another machine): equal bytes
  // prove the build is reproducible. One compile only: solc-js takes seconds.
  it('is exactly what compileContracts produces from contracts/KassaTestToken.sol', () => {
    const compiled = compileContracts();
    expect(kassaTestTokenBytecode).toBe(compiled.bytecode);
    expect(kassaTestTokenAbi).toEqual(compiled.abi);
    expect(readFileSync(KASSA_TEST_TOKEN_ARTIFACT_PATH, 'utf8')).toBe(compiled.artifactSource);
  });

  it('exposes the ERC-20 surface plus mint and the benchmark noise helper', () => {
    const functions = kassaTestTokenAbi.filter((item) => item.type === 'function').map((item) => item.name);
    expect(functions.sort()).toEqual(
      [
        'allowance',
        'approve',
        'balanceOf',
        'decimals',
        'emitNoise',
        'mint',
        'name',
        'symbol',
        'totalSupply',
        'transfer',
        'transferFrom',
      ].sort(),
    );
  });
});
