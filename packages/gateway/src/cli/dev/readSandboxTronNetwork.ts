import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Address } from 'viem';
import { describeTronDevNetwork } from '../../adapters/chains/tron/describeTronDevNetwork.ts';
import { parseTronAddress } from '../../adapters/chains/tron/parseTronAddress.ts';
import type { Network } from '../../core/network.ts';
import { SANDBOX_FILE, type SandboxInfo } from './SandboxInfo.ts';

/**
 * The sandbox's simulated TRON network (`TRON_DEV`) as its last start described it in the data
 * dir's `sandbox.json`, so commands that run beside `kassa dev` (`kassa funds`) name its coins and
 * decimals. Null when the file is missing or from a start without the TRON network.
 */
export function readSandboxTronNetwork(dataDir: string): Network | null {
  const file = path.join(dataDir, SANDBOX_FILE);
  let info: Partial<SandboxInfo>;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as Partial<SandboxInfo>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${file} is unreadable: start the sandbox again (kassa dev)`, { cause: error });
  }
  const tron = info.tron;
  if (tron === undefined || tron === null) return null;
  const usdt = (info.tokens ?? []).find((t) => t.chain === 'TRX' && t.crypto === 'USDT');
  const contract = usdt === undefined ? null : parseTronAddress(usdt.contract);
  if (contract === null || !contract.ok) return null;
  return describeTronDevNetwork({
    chainId: tron.chain_id,
    rpcUrl: tron.rpc_url,
    httpApiUrl: tron.http_api_url,
    tokenContracts: { USDT: contract.value as Address },
  });
}
