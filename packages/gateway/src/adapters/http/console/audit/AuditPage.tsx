import type { RecordedAuditEntry } from '../../../../core/ports/AuditLog.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';

export type AuditPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly entries: readonly RecordedAuditEntry[];
  /** The `before` of the next (older) page; null on the last. */
  readonly olderBefore: number | null;
  /** Whether this is a later page (a link back to the newest is shown). */
  readonly isPaged: boolean;
};

/** `/console/audit`: every change operators made, and every sign-in, newest first. */
export function AuditPage(p: AuditPageProps) {
  return (
    <ConsoleLayout title="Audit log" assets={p.assets} session={p.session} active="audit">
      {p.entries.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ScrollingTable label="Audit entries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Operator</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {p.entries.map((entry) => (
              <tr key={entry.auditId}>
                <td class="nowrap">{formatConsoleTime(entry.atMs)}</td>
                <td>{entry.operatorName}</td>
                <td class="nowrap">
                  <code>{entry.action}</code>
                </td>
                <td class="excerpt">{entry.target}</td>
                <td class="excerpt">
                  {Object.entries(entry.details).map(([key, value]) => (
                    <div key={key}>
                      <span class="muted">{key}:</span> {value}
                    </div>
                  ))}
                </td>
                <td>{entry.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <nav class="pager" aria-label="Audit log pages">
        {p.isPaged ? <a href="/console/audit">Newest</a> : null}
        {p.olderBefore === null ? null : <a href={`/console/audit?before=${p.olderBefore}`}>Older entries</a>}
      </nav>
    </ConsoleLayout>
  );
}
