import path from 'node:path';
import { SANDBOX_FILE, type SandboxInfo } from './SandboxInfo.ts';

/** What `kassa dev` prints once the sandbox is up (without `--json`). */
export function formatSandboxBanner(info: SandboxInfo, dataDir: string): string {
  const tokens = info.tokens.map((t) => `${t.crypto} ${t.contract} (token_id ${t.token_id})`);
  return [
    '',
    'Kassa sandbox is running.',
    '',
    `  Public URL     ${info.public_url}`,
    `  App id         ${info.app_id}`,
    `  App secret     ${info.app_secret}`,
    `  Webhook inbox  ${info.public_url}/dev/inbox (also: sweep paid deposits to the test account)`,
    `  Devnet RPC     ${info.rpc_url} (chain id ${info.chain_id})`,
    `  Test account   ${info.test_account.address}`,
    `  Its key        ${info.test_account.private_key} (public devnet key: never send real funds to it)`,
    `  Tokens         ${tokens.join('\n                 ')}`,
    '',
    `Everything above is also in ${path.join(dataDir, SANDBOX_FILE)}.`,
    'Try `npm run demo`, or create an order with curl (README.md). Ctrl-C stops Kassa and the devnet.',
    '',
  ].join('\n');
}
