import type { Measured } from './measureServer.ts';

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export type Row = Measured & { readonly ratio: number; readonly range: string };

/**
 * One table row: the median round of a server, by throughput, with its median CPU per request
 * and the median of the per-round ratios to a baseline (`ratios`, measured round by round).
 */
export function summarizeRounds(runs: readonly Measured[], ratios: readonly number[]): Row {
  const middle = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Measured;
  const cpu = runs.flatMap((r) => (r.cpuUs === null ? [] : [r.cpuUs]));
  return {
    ...middle,
    ratio: median(ratios),
    range: runs.map((r) => Math.round(r.rps)).join(' / '),
    cpuUs: cpu.length === 0 ? null : median(cpu),
  };
}

/** Per-round ratios of `runs` to `baseline` (same round index). */
export const ratiosTo = (runs: readonly Measured[], baseline: readonly Measured[]) =>
  runs.map((r, i) => r.rps / (baseline[i] as Measured).rps);

/** The markdown table of the rows. */
export function printRows(rows: readonly (Row & { readonly baseline: string })[]) {
  console.log(
    '| connections | server | call | req/s (median) | rounds | p50 ms | p99 ms | ratio (median of rounds) | server CPU µs/request |',
  );
  console.log('|---:|---|---|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const cpu = r.cpuUs === null ? '–' : Math.round(r.cpuUs);
    const call = r.call === 'bill' ? 'bill/create' : 'concise/url/get';
    console.log(
      `| ${r.connections} | ${r.label} | ${call} | ${Math.round(r.rps)} | ${r.range} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(2)}× ${r.baseline} | ${cpu} |`,
    );
  }
}
