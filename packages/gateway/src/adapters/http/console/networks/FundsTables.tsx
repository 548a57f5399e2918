import type { FundsReport } from '../../../../app/buildFundsReport.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { TokenAmount } from '../layout/TokenAmount.tsx';

/** The funds ledger `kassa funds` prints: received, collected and awaiting per token, then sweep costs. */
export function FundsTables({ report }: { readonly report: FundsReport }) {
  return (
    <section aria-labelledby="funds-heading">
      <h2 id="funds-heading">Funds</h2>
      <ReceivedTable report={report} />
      <SweepCostsTable report={report} />
    </section>
  );
}

function ReceivedTable({ report }: { readonly report: FundsReport }) {
  return (
    <>
      {report.funds.length === 0 ? (
        <p class="muted">No confirmed payments yet.</p>
      ) : (
        <ScrollingTable label="Funds by token">
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col">Token</th>
              <th scope="col" class="num">
                Received
              </th>
              <th scope="col" class="num">
                Collected
              </th>
              <th scope="col" class="num">
                Awaiting collection
              </th>
              <th scope="col" class="num">
                Addresses
              </th>
            </tr>
          </thead>
          <tbody>
            {report.funds.map((line) => (
              <tr key={`${line.networkKey}:${line.contract ?? ''}`}>
                <td>{line.networkKey}</td>
                <td>{line.token}</td>
                <td class="num">
                  <TokenAmount value={line.received} decimals={line.decimals} />
                </td>
                <td class="num">
                  <TokenAmount value={line.collected} decimals={line.decimals} />
                </td>
                <td class="num">
                  <TokenAmount value={line.awaiting} decimals={line.decimals} />
                </td>
                <td class="num">{line.awaitingAddresses}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

function SweepCostsTable({ report }: { readonly report: FundsReport }) {
  return (
    <>
      <h2 id="costs-heading">Sweep costs</h2>
      {report.costs.length === 0 ? (
        <p class="muted">No sweeps yet: see `kassa sweep plan`.</p>
      ) : (
        <ScrollingTable label="Sweep costs">
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col" class="num">
                Transactions
              </th>
              <th scope="col" class="num">
                Gas wallet fees
              </th>
              <th scope="col" class="num">
                Deposit fees
              </th>
              <th scope="col" class="num">
                Top-ups
              </th>
            </tr>
          </thead>
          <tbody>
            {report.costs.map((line) => (
              <tr key={line.networkKey}>
                <td>{line.networkKey}</td>
                <td class="num">{line.transactions}</td>
                <td class="num">
                  <TokenAmount value={line.gasWalletFeesWei} decimals={line.nativeDecimals} unit={line.nativeSymbol} />
                </td>
                <td class="num">
                  <TokenAmount value={line.depositFeesWei} decimals={line.nativeDecimals} unit={line.nativeSymbol} />
                </td>
                <td class="num">
                  <TokenAmount value={line.topUpsWei} decimals={line.nativeDecimals} unit={line.nativeSymbol} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
