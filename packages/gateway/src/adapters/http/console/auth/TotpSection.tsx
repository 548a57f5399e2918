import { CsrfField } from '../layout/CsrfField.tsx';
import type { ConsoleSession } from './ConsoleSession.ts';
import { TotpQrCode } from './TotpQrCode.tsx';

export type TotpSectionProps = {
  readonly session: ConsoleSession;
  /** On, off, or being set up with a secret shown but not yet confirmed. */
  readonly state:
    | { readonly kind: 'on' }
    | { readonly kind: 'off' }
    | { readonly kind: 'pending'; readonly secret: string };
  /** Where the code apps show comes from: `otpauth://…` of the pending secret. */
  readonly otpauthUri?: string | undefined;
  readonly error?: string | undefined;
};

/** The account page's two-factor part: turn on (scan, confirm a code), or turn off with a code. */
export function TotpSection(p: TotpSectionProps) {
  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">Two-factor sign-in</h2>
      {p.error === undefined ? null : (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      {p.state.kind === 'off' ? (
        <>
          <p>Off: signing in takes only your password. With it on, a code from an authenticator app is asked too.</p>
          <form method="post" action="/console/account/totp/start">
            <CsrfField session={p.session} />
            <button type="submit">Set up two-factor sign-in</button>
          </form>
        </>
      ) : p.state.kind === 'pending' ? (
        <TotpEnrolment session={p.session} secret={p.state.secret} uri={p.otpauthUri ?? ''} />
      ) : (
        <>
          <p>
            <span class="badge ok">On</span> Signing in asks for a code from your authenticator app.
          </p>
          <TotpCodeForm session={p.session} action="/console/account/totp/disable" label="Turn off" danger />
        </>
      )}
    </section>
  );
}

function TotpEnrolment({
  session,
  secret,
  uri,
}: {
  readonly session: ConsoleSession;
  readonly secret: string;
  readonly uri: string;
}) {
  return (
    <div class="stack">
      <p>Scan this code with an authenticator app, or type the key into it, then enter the code it shows.</p>
      <TotpQrCode uri={uri} label="QR code of the two-factor key for an authenticator app" />
      <p>
        Key:{' '}
        <code id="totp-secret" class="mono">
          {secret.replace(/(.{4})(?=.)/g, '$1 ')}
        </code>{' '}
        <button type="button" class="secondary" data-copy="totp-secret">
          Copy
        </button>
      </p>
      <TotpCodeForm session={session} action="/console/account/totp/confirm" label="Turn on" />
      <form method="post" action="/console/account/totp/cancel">
        <CsrfField session={session} />
        <button type="submit" class="link">
          Cancel
        </button>
      </form>
    </div>
  );
}

function TotpCodeForm(p: {
  readonly session: ConsoleSession;
  readonly action: string;
  readonly label: string;
  readonly danger?: boolean;
}) {
  const id = `code-${p.action.split('/').at(-1)}`;
  return (
    <form class="filters" method="post" action={p.action}>
      <CsrfField session={p.session} />
      <div class="field">
        <label for={id}>Code from the app</label>
        <input
          id={id}
          name="code"
          required
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          autocomplete="one-time-code"
        />
      </div>
      <button type="submit" class={p.danger === true ? 'danger' : undefined}>
        {p.label}
      </button>
    </form>
  );
}
