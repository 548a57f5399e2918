import path from 'node:path';
import { formatTronAddress } from '../../adapters/chains/tron/formatTronAddress.ts';
import { SANDBOX_FILE, type SandboxInfo } from './SandboxInfo.ts';

/** What `kassa dev` prints once the sandbox is up (without `--json`). */
export function formatSandboxBanner(info: SandboxInfo, dataDir: string): string {
  // A native coin's wire contract is the chain id (EVM) or `TRX`: "native" reads better here.
  const tokens = info.tokens.map(
    (t) =>
      `${t.crypto} on ${t.chain}  ${/^(0x|T)[0-9A-Za-z]{33,}$/.test(t.contract) ? t.contract : 'native'} (token_id ${t.token_id})`,
  );
  const tron =
    info.tron === null
      ? []
      : [
          `  TRON devnet    ${info.tron.rpc_url} (chain id ${info.tron.chain_id}, network ${info.tron.network_key})`,
          `                 simulated: an anvil chain behind a TRON API simulator (HTTP API ${info.tron.http_api_url}), not a TRON node`,
        ];
  const payerOnTron =
    info.tron === null ? '' : ` (on ${info.tron.network_key}: ${formatTronAddress(info.test_account.address)})`;
  return [
    '',
    'Kassa sandbox is running.',
    '',
    `  Public URL     ${info.public_url}`,
    `  App id         ${info.app_id}`,
    `  App secret     ${info.app_secret}`,
    `  Console        ${info.console_url} (signs in as operator dev; this link changes at every start)`,
    `  Webhook inbox  ${info.public_url}/dev/inbox (also: sweep paid deposits to the test account)`,
    `  Devnet RPC     ${info.rpc_url} (chain id ${info.chain_id})`,
    ...tron,
    `  Test account   ${info.test_account.address}${payerOnTron}`,
    `  Its key        ${info.test_account.private_key} (public devnet key: never send real funds to it)`,
    `  Tokens         ${tokens.join('\n                 ')}`,
    '',
    `Everything above is also in ${path.join(dataDir, SANDBOX_FILE)}.`,
    `Try \`npm run demo\`, or create an order with curl (README.md). Ctrl-C stops Kassa and the ${info.tron === null ? 'devnet' : 'devnets'}.`,
    '',
  ].join('\n');
}
