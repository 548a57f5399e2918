// `npm run demo`: one order end to end against a running `kassa dev`, the way a shop and a buyer
// would do it: the shop creates the order with the SDK, the buyer picks USDT on the checkout page
// and pays the page's payment request from the test account, the shop gets the signed webhook
// (shown by the sandbox inbox) and reads the order back with `bill/info`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createKassaClient, type KassaClient, type WebhookPayload } from '@kassa/sdk';
import { createWalletClient, erc20Abi, type Hex, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { SandboxInfo } from '../packages/gateway/src/cli/dev/SandboxInfo.ts';
import { type PaymentRequest, readPaymentRequest } from './readPaymentRequest.ts';

const USAGE = `usage: npm run demo -- [--data-dir DIR] [--url URL] [--app-id ID] [--app-secret SECRET]
                         [--rpc-url URL] [--private-key KEY] [--coin USDT|USDC]

Runs against a running \`npm start\` (kassa dev). Every value defaults to DIR/sandbox.json
(DIR is ./data), which kassa dev writes on start.
`;
const WEBHOOK_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 200;
const REQUEST_TIMEOUT_MS = 10_000;

/** Where the demo runs and as whom: the options, else what `kassa dev` wrote to the sandbox file. */
type DemoSettings = {
  sandbox: SandboxInfo | null;
  baseUrl: string;
  appId: string;
  appSecret: string;
  rpcUrl: string;
  privateKey: Hex;
  coin: string;
};

async function runDemo(argv: readonly string[]): Promise<void> {
  const startedAtMs = Date.now();
  const settings = readDemoSettings(argv);
  if (settings === null) {
    process.stdout.write(USAGE);
    return;
  }
  const { baseUrl, appId, appSecret, coin } = settings;
  const kassa = createKassaClient({ appId, appSecret, baseUrl });
  const token = await findToken(kassa, settings);

  // 1. The shop creates the order.
  const merchantOrderId = `demo-${Date.now()}`;
  const { payment_url: paymentUrl } = await kassa.createCheckoutUrl({
    merchant_order_id: merchantOrderId,
    product_name: 'Kassa demo T-shirt',
    product_price: '19.99',
    custom_value: 'made by npm run demo',
  });
  step(`order ${merchantOrderId} created; checkout page: ${paymentUrl}`);

  // 2. The buyer picks the coin on the checkout page (the form the page posts).
  await selectCoin(paymentUrl, token.token_id, coin);

  // 3. The buyer's wallet reads the page's payment request (EIP-681 link) and pays it.
  const page = await fetch(paymentUrl, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const request = readPaymentRequest(await page.text());
  step(`picked ${coin}: pay ${formatUnits(request.amount, token.precision)} ${coin} to ${request.to}`);
  await pay(settings, request);

  // 4. The shop receives the signed webhook (the sandbox app's webhook URL is Kassa's inbox).
  const webhook = await waitForWebhook(baseUrl, merchantOrderId);
  step(
    `webhook received and verified: pay_status ${webhook.pay_status}, order_status ${webhook.order_status} (${baseUrl}/dev/inbox)`,
  );

  // 5. The shop reads the order back.
  const [info] = await kassa.getOrders([merchantOrderId]);
  if (info === undefined) throw new Error(`bill/info does not know ${merchantOrderId}`);
  step('bill/info answers:');
  process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  if (info.order_detail.status !== 'Successful')
    throw new Error(`expected status Successful, got ${info.order_detail.status}`);
  step(`done in ${((Date.now() - startedAtMs) / 1000).toFixed(1)} s`);
}

/** The settings from the command line and the sandbox file; null when only the usage was asked for. */
function readDemoSettings(argv: readonly string[]): DemoSettings | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      url: { type: 'string' },
      'app-id': { type: 'string' },
      'app-secret': { type: 'string' },
      'rpc-url': { type: 'string' },
      'private-key': { type: 'string' },
      coin: { type: 'string', default: 'USDT' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) return null;
  const sandbox = readSandboxFile(path.resolve(values['data-dir'] ?? 'data', 'sandbox.json'));
  return {
    sandbox,
    baseUrl: (values.url ?? sandbox?.public_url ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
    appId: required(values['app-id'] ?? sandbox?.app_id, '--app-id'),
    appSecret: required(values['app-secret'] ?? sandbox?.app_secret, '--app-secret'),
    rpcUrl: required(values['rpc-url'] ?? sandbox?.rpc_url, '--rpc-url'),
    privateKey: required(values['private-key'] ?? sandbox?.test_account.private_key, '--private-key') as Hex,
    coin: values.coin.toUpperCase(),
  };
}

/** The coin to pay with, as `coin/all` lists it (on the sandbox's network when there is a sandbox file). */
async function findToken(kassa: KassaClient, { coin, sandbox, baseUrl }: DemoSettings) {
  const coins = await kassa.getCoins();
  const token = coins.list
    .flatMap((c) => c.tokens)
    .find(
      (t) =>
        t.crypto.toUpperCase() === coin && (sandbox === null || sandbox.tokens.some((s) => s.token_id === t.token_id)),
    );
  if (token === undefined) throw new Error(`${coin} is not offered by ${baseUrl} (coin/all)`);
  return token;
}

async function selectCoin(paymentUrl: string, tokenId: string, coin: string): Promise<void> {
  const selected = await fetch(`${paymentUrl}/select`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token_id: tokenId }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const location = selected.headers.get('location') ?? '';
  if (selected.status !== 303 || location.includes('error=')) {
    throw new Error(`choosing ${coin} failed: HTTP ${selected.status} ${location}`);
  }
}

async function pay({ rpcUrl, privateKey }: DemoSettings, request: PaymentRequest): Promise<void> {
  const account = privateKeyToAccount(privateKey);
  const wallet = createWalletClient({ account, transport: http(rpcUrl) }).extend(publicActions);
  if ((await wallet.getChainId()) !== request.chainId) throw new Error(`${rpcUrl} is not chain ${request.chainId}`);
  const txid = await wallet.writeContract({
    address: request.contract,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [request.to, request.amount],
    chain: null,
  });
  const receipt = await wallet.waitForTransactionReceipt({ hash: txid, pollingInterval: 100 });
  if (receipt.status !== 'success') throw new Error(`payment ${txid} reverted`);
  step(`paid from the test account ${account.address} in block ${receipt.blockNumber}: ${txid}`);
}

function readSandboxFile(file: string): SandboxInfo | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SandboxInfo;
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') {
    throw new Error(`${option} is missing: start the sandbox first (npm start), or pass it\n\n${USAGE}`);
  }
  return value;
}

async function waitForWebhook(baseUrl: string, merchantOrderId: string): Promise<WebhookPayload> {
  const deadlineMs = Date.now() + WEBHOOK_TIMEOUT_MS;
  while (Date.now() < deadlineMs) {
    const response = await fetch(`${baseUrl}/dev/inbox.json`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const { webhooks } = (await response.json()) as { webhooks: { verified: boolean; body: string }[] };
    for (const webhook of webhooks) {
      const payload = JSON.parse(webhook.body) as WebhookPayload;
      if (payload.extend.merchant_order_id !== merchantOrderId) continue;
      if (!webhook.verified) throw new Error(`the webhook for ${merchantOrderId} did not verify`);
      if (payload.pay_status === 'success') return payload;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`no webhook for ${merchantOrderId} within ${WEBHOOK_TIMEOUT_MS / 1000} s (see ${baseUrl}/dev/inbox)`);
}

function formatUnits(amount: bigint, decimals: number): string {
  const base = 10n ** BigInt(decimals);
  const fraction = (amount % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction === '' ? `${amount / base}` : `${amount / base}.${fraction}`;
}

function step(message: string): void {
  process.stdout.write(`→ ${message}\n`);
}

runDemo(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
