import { type Address, encodeAbiParameters, encodePacked, getContractAddress, type Hex } from 'viem';
import { kassaSweeperBytecode } from './kassaSweeperArtifact.ts';

/**
 * The deterministic deployment proxy (Arachnid's CREATE2 factory): present at this address on anvil
 * and on most EVM chains, so the sweeper's address is the same everywhere for one destination.
 */
export const SWEEPER_DEPLOYER: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C';

/** Fixed CREATE2 salt: the destination, baked into the init code, is what varies. */
export const SWEEPER_SALT: Hex = `0x${'00'.repeat(32)}`;

/** KassaSweeper's creation bytecode with `destination` as its constructor argument. */
export function sweeperInitCode(destination: Address): Hex {
  return encodePacked(
    ['bytes', 'bytes'],
    [kassaSweeperBytecode, encodeAbiParameters([{ type: 'address' }], [destination])],
  );
}

/**
 * The checksummed address the KassaSweeper for `destination` has (or will have) on any chain that
 * has {@link SWEEPER_DEPLOYER}. Pure and offline: `sign` checks a plan's sweeper with it.
 *
 * @example
 * const sweeper = predictSweeperAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
 */
export function predictSweeperAddress(destination: Address): Address {
  return getContractAddress({
    opcode: 'CREATE2',
    from: SWEEPER_DEPLOYER,
    salt: SWEEPER_SALT,
    bytecode: sweeperInitCode(destination),
  });
}
