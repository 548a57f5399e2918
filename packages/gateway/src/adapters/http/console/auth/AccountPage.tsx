import type { ComponentChildren } from 'preact';
import type { OperatorSession } from '../../../../core/ports/OperatorStore.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { CsrfField } from '../layout/CsrfField.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import type { ConsoleSession } from './ConsoleSession.ts';

export type AccountPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly sessions: readonly OperatorSession[];
  readonly notice?: string | undefined;
  /** The two-factor section (enrolment, or turning it off). */
  readonly totp: ComponentChildren;
};

/** `/console/account`: two-factor sign-in, the operator's sessions, sign out everywhere. */
export function AccountPage(p: AccountPageProps) {
  return (
    <ConsoleLayout title="Account" assets={p.assets} session={p.session} active="account" notice={p.notice}>
      <p>
        Signed in as <strong>{p.session.operatorName}</strong>.
      </p>
      {p.totp}
      <h2>Sessions</h2>
      <ScrollingTable label="Sessions">
        <thead>
          <tr>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Address</th>
            <th scope="col">Browser</th>
          </tr>
        </thead>
        <tbody>
          {p.sessions.map((s) => (
            <tr key={s.sessionId}>
              <td class="nowrap">
                {formatConsoleTime(s.createdAtMs)}
                {s.sessionId === p.session.sessionId ? (
                  <>
                    {' '}
                    <span class="badge info">this one</span>
                  </>
                ) : null}
              </td>
              <td class="nowrap">{formatConsoleTime(s.lastSeenAtMs)}</td>
              <td>{s.address ?? ''}</td>
              <td class="excerpt">{s.userAgent ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <form
        class="actions"
        method="post"
        action="/console/account/sign-out-everywhere"
        data-confirm="End every session of this operator, this one too?"
      >
        <CsrfField session={p.session} />
        <button type="submit" class="danger">
          Sign out everywhere
        </button>
      </form>
    </ConsoleLayout>
  );
}
