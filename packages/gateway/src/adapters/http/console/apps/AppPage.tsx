import type { App } from '../../../../core/App.ts';
import type { Network } from '../../../../core/network.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { AppAccessForms } from './AppAccessForms.tsx';
import { AppCoinsForm } from './AppCoinsForm.tsx';
import { AppSettingsForm } from './AppSettingsForm.tsx';
import { AppStatusBadge } from './AppStatusBadge.tsx';

export type AppPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly app: App;
  readonly networks: readonly Network[];
  readonly notice?: string | undefined;
  /** A refused settings form: its message, and what was typed so nothing is lost. */
  readonly error?: { readonly message: string; readonly form: URLSearchParams } | undefined;
};

/** One app: its settings, the coins it takes, its secret and whether it is enabled. */
export function AppPage(p: AppPageProps) {
  const { app, session } = p;
  const base = `/console/apps/${encodeURIComponent(app.appId)}`;
  return (
    <ConsoleLayout title={app.name} assets={p.assets} session={session} active="apps" notice={p.notice}>
      <dl class="facts">
        <dt>App ID</dt>
        <dd>
          <code>{app.appId}</code>
        </dd>
        <dt>State</dt>
        <dd>
          <AppStatusBadge app={app} />
        </dd>
        <dt>Created</dt>
        <dd>{formatConsoleTime(app.createdAtMs)}</dd>
      </dl>
      <AppSettingsForm app={app} session={session} action={`${base}/settings`} error={p.error} />
      <AppCoinsForm app={app} networks={p.networks} session={session} action={`${base}/coins`} />
      <AppAccessForms app={app} session={session} base={base} />
    </ConsoleLayout>
  );
}
