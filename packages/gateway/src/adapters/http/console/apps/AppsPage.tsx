import type { App } from '../../../../core/App.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { CsrfField } from '../layout/CsrfField.tsx';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { AppStatusBadge } from './AppStatusBadge.tsx';
import { toPercentText } from './readAppSettingsForm.ts';

export type AppsPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly apps: readonly App[];
  /** How many tokens are on offer: an app that takes some shows "n of total". */
  readonly tokenCount: number;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
};

/** Every merchant app, and the form that creates one. */
export function AppsPage(p: AppsPageProps) {
  return (
    <ConsoleLayout title="Apps" assets={p.assets} session={p.session} active="apps" notice={p.notice}>
      {p.apps.length === 0 ? (
        <p class="muted">No apps yet: create the first one below.</p>
      ) : (
        <ScrollingTable label="Apps">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">App ID</th>
              <th scope="col">Webhook URL</th>
              <th scope="col" class="num">
                Tolerance
              </th>
              <th scope="col">Coins</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {p.apps.map((app) => (
              <tr key={app.appId}>
                <td>
                  <a href={`/console/apps/${encodeURIComponent(app.appId)}`}>{app.name}</a>
                </td>
                <td>
                  <code>{app.appId}</code>
                </td>
                <td>{app.webhookUrl === null ? <span class="muted">none</span> : <code>{app.webhookUrl}</code>}</td>
                <td class="num">{`${toPercentText(app.paymentTolerance)} %`}</td>
                <td>{app.enabledTokenIds === null ? 'All' : `${app.enabledTokenIds.length} of ${p.tokenCount}`}</td>
                <td>
                  <AppStatusBadge app={app} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <h2 id="create-heading">Create an app</h2>
      {p.error === undefined ? null : (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form class="stack" method="post" action="/console/apps" aria-labelledby="create-heading">
        <CsrfField session={p.session} />
        <div class="field">
          <label for="app-name">Name</label>
          <input id="app-name" name="name" required maxLength={100} autocomplete="off" />
        </div>
        <div class="field">
          <label for="app-webhook">Webhook URL (optional)</label>
          <input
            id="app-webhook"
            name="webhook_url"
            type="url"
            maxLength={2048}
            placeholder="https://shop.example/kassa"
          />
        </div>
        <div>
          <button type="submit">Create app</button>
        </div>
      </form>
    </ConsoleLayout>
  );
}
