import type { App } from '../../../../core/App.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { CsrfField } from '../layout/CsrfField.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';

export type AppAccessFormsProps = { readonly app: App; readonly session: ConsoleSession; readonly base: string };

/** What changes who may use the app: a new secret, and disabling or enabling it. */
export function AppAccessForms({ app, session, base }: AppAccessFormsProps) {
  return (
    <>
      <h2>Secret</h2>
      <form
        method="post"
        action={`${base}/rotate-secret`}
        data-confirm="The current secret stops working at once. Rotate it?"
      >
        <CsrfField session={session} />
        <p class="muted">A new secret replaces the current one at once; the merchant's server must switch to it.</p>
        <button type="submit" class="danger">
          Rotate the secret
        </button>
      </form>
      <h2>{app.disabledAtMs === null ? 'Disable' : 'Enable'}</h2>
      <form method="post" action={`${base}/${app.disabledAtMs === null ? 'disable' : 'enable'}`}>
        <CsrfField session={session} />
        <p class="muted">
          {app.disabledAtMs === null
            ? 'A disabled app cannot call the API. Its open orders are still watched and their webhooks still sent.'
            : `Disabled since ${formatConsoleTime(app.disabledAtMs)}.`}
        </p>
        <button type="submit" class={app.disabledAtMs === null ? 'danger' : undefined}>
          {app.disabledAtMs === null ? 'Disable the app' : 'Enable the app'}
        </button>
      </form>
    </>
  );
}
