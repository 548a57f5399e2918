export type CreateScrapeCacheParameters<T> = {
  readonly read: () => Promise<T>;
  /** A value this young is served without reading again: a scrape storm costs one read per period. */
  readonly maxAgeMs: number;
  /** A scrape waits this long for a read, then answers with the last value it has. */
  readonly timeoutMs: number;
  readonly onError: (error: unknown) => void;
};

export type ScrapeCache<T> = {
  /** The newest value, read again when older than `maxAgeMs`; undefined until a read succeeded. */
  get(): Promise<T | undefined>;
};

/**
 * A value read at scrape time (a database count) that never costs more than one read in flight
 * and one per `maxAgeMs`, and never holds a scrape longer than `timeoutMs`. Ages are measured on
 * the monotonic clock: they bound load, whatever the gateway's (possibly test) clock says.
 */
export function createScrapeCache<T>({
  read,
  maxAgeMs,
  timeoutMs,
  onError,
}: CreateScrapeCacheParameters<T>): ScrapeCache<T> {
  let value: T | undefined;
  let readAtMs = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | null = null;
  return {
    async get() {
      if (reading === null && performance.now() - readAtMs >= maxAgeMs) {
        readAtMs = performance.now();
        reading = read().then((fresh) => {
          value = fresh;
        }, onError);
        reading.finally(() => {
          reading = null;
        });
      }
      if (reading !== null) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        await Promise.race([reading, timeout]);
        clearTimeout(timer);
      }
      return value;
    },
  };
}
