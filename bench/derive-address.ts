// Time per deposit address: the full BIP-32 derivation Kassa ran on every call before issue 16
// (parse the xpub, two child steps, decompress the key) against deriveDepositAddress, which keeps
// each xpub's external-chain key and takes one child step on a precomputed table of G.
// Both run in one process, alternating in blocks of indexes so the shared machine's load falls on
// both alike; every address of the reference is checked against the fast path's.
// Goal: ≤ 0.1 ms per address. Usage: npx tsx bench/derive-address.ts [--indexes 10000] [--block 500]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { secp256k1 } from '@noble/curves/secp256k1';
import { HDKey, mnemonicToAccount, publicKeyToAddress } from 'viem/accounts';
import { deriveDepositAddress } from '../packages/gateway/src/adapters/chains/evm/deriveDepositAddress.ts';
import { parseXpub } from '../packages/gateway/src/adapters/chains/evm/parseXpub.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { describeMachine } from './support/describeMachine.ts';

const { values } = parseArgs({
  options: { indexes: { type: 'string', default: '10000' }, block: { type: 'string', default: '500' } },
});
const indexCount = Number(values.indexes);
const blockSize = Number(values.block);
const XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
const OTHER_XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/7'" }).getHdKey().publicExtendedKey;

/** What every call cost before: parse, derive xpub/0/index, decompress, hash. */
function deriveFully(xpub: string, index: number): string {
  const parsed = parseXpub(xpub);
  if (!parsed.ok) throw new TypeError(parsed.message);
  // Before, parseXpub built viem's HDKey (a curve point check included) and derived from it.
  const child = HDKey.fromExtendedKey(xpub).deriveChild(0).deriveChild(index);
  if (child.publicKey === null) throw new Error('derived key has no public key');
  return publicKeyToAddress(`0x${secp256k1.ProjectivePoint.fromHex(child.publicKey).toHex(false)}`);
}

/** Times each call of `derive` over `indexes`, in ms, and the CPU time of them all; returns the addresses too. */
function timeCalls(derive: (index: number) => string, indexes: readonly number[]) {
  const times: number[] = [];
  const addresses: string[] = [];
  const cpuStart = process.cpuUsage();
  for (const index of indexes) {
    const start = performance.now();
    addresses.push(derive(index));
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { times, addresses, cpuMs: (cpu.user + cpu.system) / 1000 };
}

type Measured = { times: number[]; cpuMs: number };

function summarize({ times, cpuMs }: Measured) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
  return { mean, p50: at(0.5), p99: at(0.99), max: at(1), cpu: cpuMs / sorted.length };
}

function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

/** The one-off costs: the base-point table (first address of the process) and a new xpub's key. */
function measureFirstCalls(): void {
  let start = performance.now();
  deriveDepositAddress(XPUB, 0);
  const firstMs = performance.now() - start;
  start = performance.now();
  deriveDepositAddress(OTHER_XPUB, 0);
  const newXpubMs = performance.now() - start;
  console.log(`first address of the process (builds the table of G): ${formatMs(firstMs)}`);
  console.log(`first address of another xpub (parses it, derives xpub/0): ${formatMs(newXpubMs)}\n`);
}

function main(): void {
  console.log(`derive-address benchmark — ${describeMachine()}`);
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(`load average ${load.join(' ')} (the machine is shared)`);
  measureFirstCalls();
  // Warm both paths up so the JIT has compiled them before anything is timed.
  timeCalls((i) => deriveFully(XPUB, i), range(1_000_000, 200));
  timeCalls((i) => deriveDepositAddress(XPUB, i), range(1_000_000, 2_000));
  const full: Measured = { times: [], cpuMs: 0 };
  const fast: Measured = { times: [], cpuMs: 0 };
  for (let from = 0; from < indexCount; from += blockSize) {
    const indexes = range(from, Math.min(blockSize, indexCount - from));
    const reference = timeCalls((i) => deriveFully(XPUB, i), indexes);
    const cached = timeCalls((i) => deriveDepositAddress(XPUB, i), indexes);
    const mismatch = indexes.findIndex((_, k) => reference.addresses[k] !== cached.addresses[k]);
    if (mismatch >= 0) throw new Error(`addresses differ at index ${indexes[mismatch]}`);
    for (const [into, run] of [
      [full, reference],
      [fast, cached],
    ] as const) {
      into.times.push(...run.times);
      into.cpuMs += run.cpuMs;
    }
  }
  printTable(summarize(full), summarize(fast));
}

function printTable(full: ReturnType<typeof summarize>, fast: ReturnType<typeof summarize>): void {
  const headers = ['mean', 'p50', 'p99', 'max', 'CPU/call'];
  console.log(
    `${indexCount.toLocaleString('en')} indexes each, all addresses equal; per address (wall clock, and CPU):`,
  );
  console.log(`${''.padEnd(38)}${headers.map((h) => h.padStart(11)).join('')}`);
  for (const [label, s] of [
    ['full derivation (before)', full],
    ['deriveDepositAddress (cached xpub/0)', fast],
  ] as const) {
    const cells = [s.mean, s.p50, s.p99, s.max, s.cpu].map((t) => formatMs(t).padStart(11));
    console.log(`${label.padEnd(38)}${cells.join('')}`);
  }
  console.log(
    `\nspeed-up: mean ${(full.mean / fast.mean).toFixed(1)}×, p50 ${(full.p50 / fast.p50).toFixed(1)}×,` +
      ` CPU ${(full.cpu / fast.cpu).toFixed(1)}×. Goal ≤ 0.1 ms per address: p50 ${formatMs(fast.p50)},` +
      ` CPU ${formatMs(fast.cpu)} (on a busy machine the mean and p99 include time the process waited for a core).`,
  );
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}

main();
