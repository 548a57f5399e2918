import type { App } from '../../../../core/App.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { CsrfField } from '../layout/CsrfField.tsx';
import { toPercentText } from './readAppSettingsForm.ts';

export type AppSettingsFormProps = {
  readonly app: App;
  readonly session: ConsoleSession;
  readonly action: string;
  /** A refused post: its message, and what was typed so nothing is lost. */
  readonly error?: { readonly message: string; readonly form: URLSearchParams } | undefined;
};

/** Webhook URL, payment tolerance and processing webhooks of one app. */
export function AppSettingsForm({ app, session, action, error }: AppSettingsFormProps) {
  const typed = error?.form;
  return (
    <>
      <h2 id="settings-heading">Settings</h2>
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      <form class="stack" method="post" action={action} aria-labelledby="settings-heading">
        <CsrfField session={session} />
        <div class="field">
          <label for="webhook-url">Webhook URL</label>
          <input
            id="webhook-url"
            name="webhook_url"
            type="url"
            maxLength={2048}
            value={typed?.get('webhook_url') ?? app.webhookUrl ?? ''}
            aria-describedby="webhook-url-hint"
          />
          <span id="webhook-url-hint" class="muted">
            Used unless an order names its own notify_url. Empty: no webhooks.
          </span>
        </div>
        <div class="field">
          <label for="tolerance">Payment tolerance (%)</label>
          <input
            id="tolerance"
            name="tolerance_percent"
            inputMode="decimal"
            value={typed?.get('tolerance_percent') ?? toPercentText(app.paymentTolerance)}
            aria-describedby="tolerance-hint"
          />
          <span id="tolerance-hint" class="muted">
            A payment this close to the amount due, either way, counts as paid in full (0 to 10).
          </span>
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            name="notify_processing"
            checked={typed === undefined ? app.notifyProcessing : typed.get('notify_processing') === 'on'}
          />
          Send a processing webhook when a payment is first seen
        </label>
        <div>
          <button type="submit">Save settings</button>
        </div>
      </form>
    </>
  );
}
