import type { FundsReport } from '../../../../app/buildFundsReport.ts';
import type { HeldValue } from '../../../../app/console/createRefreshingValue.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { FundsTables } from './FundsTables.tsx';
import type { EndpointStatus, NetworkStatus } from './NetworkStatus.ts';

export type NetworksPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly networks: readonly NetworkStatus[];
  /** Null while the ledger is first read after a start. */
  readonly funds: HeldValue<FundsReport> | null;
};

/** Every network: how far the watcher has followed it, its RPC nodes' health, and the funds ledger. */
export function NetworksPage(p: NetworksPageProps) {
  return (
    <ConsoleLayout title="Networks and funds" assets={p.assets} session={p.session} active="networks">
      {p.networks.map((status) => (
        <NetworkSection key={status.network.key} status={status} />
      ))}
      {p.funds === null ? (
        <>
          <h2>Funds</h2>
          <p class="muted">The funds ledger is being read; reload in a few seconds.</p>
        </>
      ) : (
        <>
          <FundsTables report={p.funds.value} />
          <p class="muted">{`As of ${formatConsoleTime(p.funds.atMs)}; read again every 15 minutes while looked at.`}</p>
        </>
      )}
    </ConsoleLayout>
  );
}

function NetworkSection({ status }: { readonly status: NetworkStatus }) {
  const { network } = status;
  const lag = status.head === null || status.height === null ? null : status.head - status.height;
  return (
    <section aria-labelledby={`network-${network.key}`}>
      <h2 id={`network-${network.key}`}>
        {`${network.key} `}
        {status.isLagging ? <span class="badge bad">Behind</span> : <span class="badge ok">Following</span>}
      </h2>
      <dl class="facts">
        <dt>Kind and chain id</dt>
        <dd>{`${network.kind.name.toUpperCase()} · ${network.chainId}${network.isSimulated === true ? ' · simulated' : ''}`}</dd>
        <dt>Confirmations</dt>
        <dd>{`${network.confirmations} (block time ${network.blockTimeSeconds} s)`}</dd>
        <dt>Scanned up to</dt>
        <dd>{status.height === null ? 'not yet: the watcher has not run' : `block ${status.height}`}</dd>
        <dt>Cursor written</dt>
        <dd>{status.cursorUpdatedAtMs === null ? 'never' : formatConsoleTime(status.cursorUpdatedAtMs)}</dd>
        <dt>Chain head</dt>
        <dd>{status.head === null ? 'unknown: no node answered' : `block ${status.head}`}</dd>
        <dt>Lag</dt>
        <dd>{lag === null ? 'unknown' : `${lag < 0n ? 0n : lag} blocks`}</dd>
      </dl>
      <ScrollingTable label={`RPC endpoints of ${network.key}`}>
        <caption class="visually-hidden">{`RPC endpoints of ${network.key}`}</caption>
        <thead>
          <tr>
            <th scope="col">RPC endpoint</th>
            <th scope="col">Health</th>
            <th scope="col" class="num">
              Head
            </th>
            <th scope="col" class="num">
              Answered in
            </th>
          </tr>
        </thead>
        <tbody>
          {status.endpoints.map((endpoint, index) => (
            <EndpointRow key={index} endpoint={endpoint} />
          ))}
        </tbody>
      </ScrollingTable>
    </section>
  );
}

function EndpointRow({ endpoint }: { readonly endpoint: EndpointStatus }) {
  const { probe } = endpoint;
  return (
    <tr>
      <td>
        <code>{endpoint.maskedUrl}</code>
      </td>
      <td>
        {probe === null ? (
          <span class="muted">WebSocket, not probed</span>
        ) : probe.ok ? (
          <span class="badge ok">Answers</span>
        ) : (
          <>
            <span class="badge bad">Failing</span> <span>{probe.error}</span>
          </>
        )}
      </td>
      <td class="num">{probe?.ok === true ? String(probe.head) : ''}</td>
      <td class="num">{probe === null ? '' : `${probe.latencyMs} ms`}</td>
    </tr>
  );
}
