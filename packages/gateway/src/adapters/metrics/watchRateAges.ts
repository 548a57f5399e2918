import { Gauge, type Registry } from 'prom-client';

export type PriceTime = { readonly source: string; readonly symbol: string; readonly asOfMs: number };

/** Adds `kassa_rate_age_seconds`: how old each source's newest price of each token is, at scrape time. */
export function watchRateAges(registry: Registry, listPriceTimes: () => readonly PriceTime[], now: () => number): void {
  new Gauge({
    name: 'kassa_rate_age_seconds',
    help: 'Seconds since each exchange last priced each token',
    labelNames: ['source', 'token'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const nowMs = now();
      for (const { source, symbol, asOfMs } of listPriceTimes()) {
        this.set({ source, token: symbol }, Math.max(0, nowMs - asOfMs) / 1000);
      }
    },
  });
}
