// Detection latency: from a payment's block being mined to the payment being recorded (committed
// to the database) and to its webhook arriving at a merchant endpoint on loopback, over many
// payments sent at random moments relative to the watcher's polling. Measured in one run for the
// watcher following the head by polling (HTTP URL only) and by newHeads subscription (anvil's
// websocket URL first). Goals with the subscription: block → recorded p50 ≤ 30 ms, block → webhook p50 ≤ 50 ms.
// Usage: npx tsx bench/detection-latency.ts [--payments 200] [--poll-ms 250] [--dispatcher-poll-ms 200]
//        [--gap-ms 250] [--watched 1000] [--modes polling,subscription] [--database postgres://…]
import { parseArgs } from 'node:util';
import { startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { deployBenchTokens } from './support/deployBenchTokens.ts';
import { describeMachine } from './support/describeMachine.ts';
import { type DetectionLatencies, measureDetection } from './support/measureDetection.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '200' },
    'poll-ms': { type: 'string', default: '250' },
    'dispatcher-poll-ms': { type: 'string', default: '200' },
    'gap-ms': { type: 'string', default: '250' },
    watched: { type: 'string', default: '1000' },
    modes: { type: 'string', default: 'polling,subscription' },
    database: { type: 'string' },
  },
});
const PAYMENTS = Number(values.payments);
const POLL_MS = Number(values['poll-ms']);
const MODES = values.modes.split(',');
const GOALS = { recorded: 30, webhook: 50 } as const;

async function main(): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `${PAYMENTS} payments, each in its own block, gaps 0–${2 * Number(values['gap-ms'])} ms; ${values.watched} watched addresses; ` +
      `watcher polls every ${POLL_MS} ms without a subscription; dispatcher polls every ${values['dispatcher-poll-ms']} ms; ` +
      `database: ${values.database === undefined ? 'SQLite' : 'PostgreSQL'}`,
  );
  const anvil = await startAnvil();
  try {
    const { wallet, usdt, usdc } = await deployBenchTokens(anvil.rpcUrl, 10n ** 15n);
    const wsUrl = `ws://127.0.0.1:${anvil.port}`;
    const results: [string, DetectionLatencies][] = [];
    for (const mode of MODES) {
      if (mode !== 'polling' && mode !== 'subscription') throw new Error(`unknown mode ${mode}`);
      const latencies = await measureDetection({
        rpcUrls: mode === 'polling' ? [anvil.rpcUrl] : [wsUrl, anvil.rpcUrl],
        httpUrl: anvil.rpcUrl,
        chainId: anvil.chainId,
        wallet,
        usdt,
        usdc,
        databaseUrl: values.database,
        payments: PAYMENTS,
        watched: Number(values.watched),
        pollIntervalMs: POLL_MS,
        dispatcherPollIntervalMs: Number(values['dispatcher-poll-ms']),
        meanGapMs: Number(values['gap-ms']),
      });
      results.push([mode === 'polling' ? `polling every ${POLL_MS} ms` : 'newHeads subscription', latencies]);
    }
    printResults(results);
  } finally {
    await anvil.stop();
  }
}

function printResults(results: readonly [string, DetectionLatencies][]): void {
  const describe = (latencies: readonly number[]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return {
      p50: at(0.5),
      text: `p50 ${at(0.5).toFixed(1)}, p90 ${at(0.9).toFixed(1)}, p99 ${at(0.99).toFixed(1)}, max ${at(1).toFixed(1)} ms`,
    };
  };
  console.log(`${'following the head'.padEnd(26)}${'block → recorded'.padEnd(50)}block → webhook received`);
  for (const [label, latencies] of results) {
    console.log(
      `${label.padEnd(26)}${describe(latencies.recorded).text.padEnd(50)}${describe(latencies.webhook).text}`,
    );
  }
  const subscription = results.find(([label]) => label === 'newHeads subscription')?.[1];
  if (subscription === undefined) return;
  const recordedP50 = describe(subscription.recorded).p50;
  const webhookP50 = describe(subscription.webhook).p50;
  console.log(
    `goals with the subscription: block → recorded p50 ≤ ${GOALS.recorded} ms: ${recordedP50 <= GOALS.recorded ? 'met' : 'NOT met'}; ` +
      `block → webhook p50 ≤ ${GOALS.webhook} ms: ${webhookP50 <= GOALS.webhook ? 'met' : 'NOT met'}`,
  );
}

await main();
