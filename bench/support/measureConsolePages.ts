import { processTreeCpuMs } from './processTreeCpuMs.ts';
import { ORDER_SPACING_MS } from './seedConsoleData.ts';

/** One console page the benchmark times, and the order a response must show (a search that found nothing proves nothing). */
export type ConsolePageCase = {
  readonly name: string;
  /** The path of request `n`: keys vary per request, so no answer is a cached one. */
  readonly pathOf: (n: number) => { readonly path: string; readonly mustShow?: string };
  /** A page that fills in behind the first view: timing starts once a response satisfies this. */
  readonly isComplete?: (body: string) => boolean;
};

export type PageLatency = {
  readonly name: string;
  readonly requests: number;
  /** The very first request of the page, left out of the percentiles: what a cold process pays once. */
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** For a page that fills in behind the first view, ms from the first request until it was complete. */
  readonly completeAfterMs: number | null;
  /** The gateway process's CPU per timed request, µs (not PostgreSQL's): barely moved by other load on the machine. */
  readonly cpuUs: number | null;
};

const digits = (i: number) => String(i).padStart(33, '0');
const hex = (i: number, width: number) => i.toString(16).padStart(width, '0');

/**
 * The pages of the goal, and a few more: list pages (first, filtered, deep in the list, a
 * filter nothing matches), search by each of the four keys (in the spellings operators paste), the
 * overview, an order's page and the webhooks page. `count` orders were seeded as seedConsoleData does.
 */
export function consolePageCases(count: number, nowMs: number, random: () => number): ConsolePageCase[] {
  const any = () => 1 + Math.floor(random() * (count - 1));
  // Orders seedConsoleData quoted (i % 10 ≠ 0) and paid (i % 3 = 1, older than an hour).
  const quoted = () => {
    const i = any();
    return i % 10 === 0 ? i + 1 : i;
  };
  const paid = () => {
    const i = 300 + Math.floor(random() * ((count - 400) / 30)) * 30 + 1;
    return i % 10 === 0 ? i + 3 : i;
  };
  return [
    { name: 'orders, first page', pathOf: () => ({ path: '/console/orders' }) },
    { name: 'orders, status + network', pathOf: () => ({ path: '/console/orders?status=Successful&network=TRON' }) },
    {
      name: 'orders, a page deep in the list',
      pathOf: () => {
        const i = Math.min(any(), count - 60);
        return { path: `/console/orders?before=${nowMs - i * ORDER_SPACING_MS}.${digits(i)}`, mustShow: digits(i + 1) };
      },
    },
    { name: 'orders, filter matching nothing', pathOf: () => ({ path: '/console/orders?network=BSC&coin=ETH' }) },
    {
      name: 'search: merchant order id',
      pathOf: () => {
        const i = any();
        return { path: `/console/orders?q=order-${i}`, mustShow: digits(i) };
      },
    },
    {
      name: 'search: Kassa order id',
      pathOf: () => {
        const i = any();
        return { path: `/console/orders?q=${digits(i)}`, mustShow: digits(i) };
      },
    },
    {
      name: 'search: address (upper-case hex)',
      pathOf: () => {
        const i = quoted();
        return { path: `/console/orders?q=0x${hex(i, 40).toUpperCase()}`, mustShow: digits(i) };
      },
    },
    {
      name: 'search: txid without 0x',
      pathOf: () => {
        const i = paid();
        return { path: `/console/orders?q=${hex(i, 64)}`, mustShow: digits(i) };
      },
    },
    {
      name: 'overview',
      pathOf: () => ({ path: '/console' }),
      isComplete: (body) => !body.includes('being read'),
    },
    {
      name: 'order page',
      pathOf: () => {
        const i = paid();
        return { path: `/console/orders/${digits(i)}`, mustShow: `0x${hex(i, 64)}` };
      },
    },
    { name: 'webhooks, failed', pathOf: () => ({ path: '/console/webhooks' }) },
  ];
}

/** Times `requests` sequential requests of one case over one keep-alive connection, after `warmUp` untimed ones. */
export async function measureConsolePage(
  base: { readonly url: string; readonly cookie: string; readonly pid: number },
  page: ConsolePageCase,
  requests: number,
  warmUp: number,
): Promise<PageLatency> {
  const times: number[] = [];
  const started = performance.now();
  const completeAfterMs = page.isComplete === undefined ? null : await waitUntilComplete(base, page, started);
  let first = Number.NaN;
  let cpuBefore: number | null = null;
  for (let n = 0; n < warmUp + requests; n++) {
    if (n === warmUp) cpuBefore = processTreeCpuMs(base.pid);
    const { path, mustShow } = page.pathOf(n);
    const requestStarted = performance.now();
    // As a browser asks: compressed, and the whole body read.
    const response = await fetch(`${base.url}${path}`, {
      headers: { cookie: base.cookie, 'accept-encoding': 'br, gzip' },
    });
    const body = await response.text();
    const ms = performance.now() - requestStarted;
    if (response.status !== 200) throw new Error(`${page.name}: ${path} answered ${response.status}`);
    if (mustShow !== undefined && !body.includes(mustShow))
      throw new Error(`${page.name}: ${path} does not show ${mustShow}`);
    if (n === 0) first = ms;
    if (n >= warmUp) times.push(ms);
  }
  const cpuAfter = processTreeCpuMs(base.pid);
  const cpuUs = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / requests;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  return {
    name: page.name,
    requests,
    first,
    completeAfterMs,
    p50: at(0.5),
    p99: at(0.99),
    max: times.at(-1) ?? Number.NaN,
    cpuUs,
  };
}

/** Asks for the page until it is complete (its slow parts loaded behind it); ms since `started`. */
async function waitUntilComplete(
  base: { readonly url: string; readonly cookie: string },
  page: ConsolePageCase,
  started: number,
): Promise<number> {
  for (;;) {
    const response = await fetch(`${base.url}${page.pathOf(0).path}`, { headers: { cookie: base.cookie } });
    if (page.isComplete?.(await response.text())) return performance.now() - started;
    if (performance.now() - started > 120_000) throw new Error(`${page.name}: not complete after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
