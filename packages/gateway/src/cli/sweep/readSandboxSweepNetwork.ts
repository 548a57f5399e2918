import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Address } from 'viem';
import { checksumAddress } from '../../adapters/chains/evm/checksumAddress.ts';
import { DEV_NETWORK_KEY, describeDevNetwork } from '../../adapters/chains/evm/describeDevNetwork.ts';
import { DEV_XPUB } from '../../adapters/chains/evm/prepareDevChain.ts';
import type { Network } from '../../core/network.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { SANDBOX_FILE, type SandboxInfo } from '../dev/SandboxInfo.ts';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The sandbox's `DEV` network as the sweep sees it, rebuilt from the data dir's `sandbox.json`:
 * its devnet, test tokens and native coin, swept to the sandbox test account. Null when the data
 * dir holds no sandbox.
 */
export function readSandboxSweepNetwork(dataDir: string): Network | null {
  let info: SandboxInfo;
  try {
    info = JSON.parse(readFileSync(path.join(dataDir, SANDBOX_FILE), 'utf8')) as SandboxInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SweepError(`${path.join(dataDir, SANDBOX_FILE)} is unreadable: start the sandbox again (kassa dev)`);
  }
  const tokenContracts: Record<string, Address> = {};
  for (const token of info.tokens ?? []) {
    if (token.chain === DEV_NETWORK_KEY && HEX_ADDRESS.test(token.contract)) {
      tokenContracts[token.crypto] = checksumAddress(token.contract);
    }
  }
  if (typeof info.rpc_url !== 'string' || !HEX_ADDRESS.test(info.test_account?.address ?? '')) {
    throw new SweepError(
      `${path.join(dataDir, SANDBOX_FILE)} lacks the devnet or the test account: start kassa dev again`,
    );
  }
  const network = describeDevNetwork({
    chainId: info.chain_id,
    rpcUrl: info.rpc_url,
    xpub: DEV_XPUB,
    tokenContracts,
    withNativeCoin: true,
  });
  return { ...network, sweep: { to: checksumAddress(info.test_account.address), strategy: 'auto', dust: {} } };
}
