import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';

export type AppSecretPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly title: string;
  readonly appId: string;
  readonly secret: string;
};

/**
 * The app's credentials right after they were made: the secret is stored only encrypted and shown
 * this once (the page is never cached), so the operator copies it now.
 */
export function AppSecretPage(p: AppSecretPageProps) {
  return (
    <ConsoleLayout title={p.title} assets={p.assets} session={p.session} active="apps">
      <p class="notice" role="status">
        Copy the secret now: it is shown only on this page. Give both values to the merchant's server.
      </p>
      <dl class="facts">
        <dt>App ID</dt>
        <dd>
          <code id="app-id">{p.appId}</code>{' '}
          <button type="button" class="secondary" data-copy="app-id">
            Copy
          </button>
        </dd>
        <dt>App secret</dt>
        <dd>
          <code id="app-secret">{p.secret}</code>{' '}
          <button type="button" class="secondary" data-copy="app-secret">
            Copy
          </button>
        </dd>
      </dl>
      <p>
        <a href={`/console/apps/${encodeURIComponent(p.appId)}`}>Continue to the app's settings</a>
      </p>
    </ConsoleLayout>
  );
}
