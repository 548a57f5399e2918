import type { NetworkHeight } from '../../../../app/getNetworkHeights.ts';
import type { RpcProbe } from '../../../chains/probeRpcEndpoint.ts';

/** One configured RPC endpoint and what it answered (null: a WebSocket URL, not probed). */
export type EndpointStatus = { readonly maskedUrl: string; readonly probe: RpcProbe | null };

/** A network as the networks page shows it: the watcher's progress and its nodes' health. */
export type NetworkStatus = NetworkHeight & {
  readonly cursorUpdatedAtMs: number | null;
  readonly endpoints: readonly EndpointStatus[];
  /** The highest head any endpoint reported; null when none answered. */
  readonly head: bigint | null;
};
