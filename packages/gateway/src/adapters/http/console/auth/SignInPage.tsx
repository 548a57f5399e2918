import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';

export type SignInPageProps = {
  readonly assets: ConsoleAssetHrefs;
  /** This browser's pre-session token (also its cookie). */
  readonly csrfToken: string;
  /** Where to go once signed in. */
  readonly next: string;
  readonly name?: string | undefined;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  /** Set once the password was right and a code is wanted: the code step's proof of it. */
  readonly pending?: string | undefined;
};

/** `/console/sign-in`: name and password, then the authenticator code when TOTP is on. */
export function SignInPage(p: SignInPageProps) {
  const codeStep = p.pending !== undefined;
  return (
    <ConsoleLayout title={codeStep ? 'Enter your code' : 'Sign in'} assets={p.assets} session={null} notice={p.notice}>
      <div class="stack">
        {p.error === undefined ? null : (
          <p class="error" role="alert">
            {p.error}
          </p>
        )}
        <form class="stack" method="post" action={codeStep ? '/console/sign-in/code' : '/console/sign-in'}>
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <input type="hidden" name="next" value={p.next} />
          {codeStep ? <CodeFields name={p.name ?? ''} pending={p.pending ?? ''} /> : <PasswordFields name={p.name} />}
          <div class="actions">
            <button type="submit">{codeStep ? 'Verify' : 'Sign in'}</button>
            {codeStep ? <a href={`/console/sign-in?next=${encodeURIComponent(p.next)}`}>Start again</a> : null}
          </div>
        </form>
      </div>
    </ConsoleLayout>
  );
}

function PasswordFields({ name }: { readonly name: string | undefined }) {
  return (
    <>
      <div class="field">
        <label for="sign-in-name">Name</label>
        <input
          id="sign-in-name"
          name="name"
          required
          maxLength={64}
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          value={name ?? ''}
        />
      </div>
      <div class="field">
        <label for="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" required autocomplete="current-password" />
      </div>
    </>
  );
}

function CodeFields({ name, pending }: { readonly name: string; readonly pending: string }) {
  return (
    <>
      <p>
        Signing in as <strong>{name}</strong>. Open your authenticator app and enter the 6-digit code it shows for
        Kassa.
      </p>
      <input type="hidden" name="pending" value={pending} />
      <div class="field">
        <label for="sign-in-code">Code</label>
        <input
          id="sign-in-code"
          name="code"
          required
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          autocomplete="one-time-code"
          autofocus
        />
      </div>
    </>
  );
}
