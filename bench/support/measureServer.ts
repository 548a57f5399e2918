import autocannon from 'autocannon';
import { createBillRequest } from './createBillRequest.ts';
import { createOrderRequest } from './createOrderRequest.ts';
import { processTreeCpuMs } from './processTreeCpuMs.ts';
import { startServerProcess } from './startServerProcess.ts';

type ServerInfo = { url: string; appId: string; appSecret: string };

/** Which merchant call a run sends: `concise/url/get` (hosted order) or `bill/create` (with an address). */
export type BenchCall = 'concise' | 'bill';

export type MeasureServerParameters = {
  readonly label: string;
  readonly script: string;
  readonly args?: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  /** Run one after another on the same server process, so their ratio shares its conditions. */
  readonly calls: readonly BenchCall[];
};

export type Measured = {
  readonly label: string;
  readonly call: BenchCall;
  readonly connections: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  /** The server's own CPU per request (PostgreSQL's server processes are not counted). */
  readonly cpuUs: number | null;
};

const REQUESTS = { concise: createOrderRequest, bill: createBillRequest };

/** Starts a server script and measures each call's throughput on it after a 2 s warm-up. */
export async function measureServer({
  label,
  script,
  args = [],
  connections,
  seconds,
  calls,
}: MeasureServerParameters): Promise<Measured[]> {
  const server = await startServerProcess<ServerInfo>(script, args);
  const { url, appId, appSecret } = server.info;
  let seq = 0;
  const run = (call: BenchCall, duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        REQUESTS[call]({
          appId,
          appSecret,
          nextMerchantOrderId: () => `${label}-${process.pid}-${++seq}`,
          contentType: 'application/json; charset=utf-8',
        }),
      ],
    });
  try {
    const measured: Measured[] = [];
    for (const call of calls) {
      await run(call, 2); // warm-up: JIT, page cache, connection pool
      const cpuBefore = processTreeCpuMs(server.pid);
      const result = await run(call, seconds);
      const cpuAfter = processTreeCpuMs(server.pid);
      if (result.errors > 0 || result.non2xx > 0)
        throw new Error(`${label} ${call}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      measured.push({
        label,
        call,
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        total: result.requests.total,
        // Unlike req/s, barely moved by the load generator or by other jobs sharing the cores.
        cpuUs: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / result.requests.total,
      });
    }
    return measured;
  } finally {
    await server.stop();
  }
}
