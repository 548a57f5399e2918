import { concat, encodeAbiParameters, getAddress, getContractAddress, isAddress, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { kassaSweeperBytecode } from './kassaSweeperArtifact.ts';
import { predictSweeperAddress, SWEEPER_DEPLOYER, SWEEPER_SALT, sweeperInitCode } from './predictSweeperAddress.ts';

const DESTINATION = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('predictSweeperAddress', () => {
  it('is the CREATE2 address of salt 0 and bytecode ‖ destination through the deployment proxy', () => {
    const initCode = concat([kassaSweeperBytecode, encodeAbiParameters([{ type: 'address' }], [DESTINATION])]);
    const expected = getContractAddress({
      opcode: 'CREATE2',
      from: SWEEPER_DEPLOYER,
      salt: SWEEPER_SALT,
      bytecode: initCode,
    });
    expect(sweeperInitCode(DESTINATION)).toBe(initCode);
    expect(predictSweeperAddress(DESTINATION)).toBe(expected);
  });

  it('follows the CREATE2 rule keccak(0xff ‖ deployer ‖ salt ‖ keccak(init code)) by hand', () => {
    const hash = keccak256(concat(['0xff', SWEEPER_DEPLOYER, SWEEPER_SALT, keccak256(sweeperInitCode(DESTINATION))]));
    expect(predictSweeperAddress(DESTINATION)).toBe(getAddress(`0x${hash.slice(26)}`));
  });

  it('returns a checksummed address that does not depend on the destination spelling', () => {
    const address = predictSweeperAddress(DESTINATION);
    expect(isAddress(address, { strict: true })).toBe(true);
    expect(address).toBe(getAddress(address));
    expect(predictSweeperAddress(DESTINATION.toLowerCase() as `0x${string}`)).toBe(address);
  });

  it('differs per destination', () => {
    expect(predictSweeperAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC')).not.toBe(
      predictSweeperAddress(DESTINATION),
    );
  });

  it('uses the well-known proxy and a zero salt', () => {
    expect(SWEEPER_DEPLOYER).toBe('0x4e59b44847b379578588920cA78FbF26c0B4956C');
    expect(SWEEPER_SALT).toBe(`0x${'0'.repeat(64)}`);
  });
});
