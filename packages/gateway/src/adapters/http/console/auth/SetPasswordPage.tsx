import { MIN_PASSWORD_LENGTH } from '../../../../core/operators/checkNewPassword.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';

export type SetPasswordPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly csrfToken: string;
  /** The link's token; null when the link is used, expired or unknown. */
  readonly token: string | null;
  readonly operatorName: string;
  readonly error?: string | undefined;
};

/** `/console/set-password?token=…`: the one-time link an operator gets from `kassa operator add|reset`. */
export function SetPasswordPage(p: SetPasswordPageProps) {
  if (p.token === null) return <LinkNotValid assets={p.assets} />;
  return (
    <ConsoleLayout title="Set your password" assets={p.assets} session={null}>
      <div class="stack">
        <p>
          For operator <strong>{p.operatorName}</strong>. At least {MIN_PASSWORD_LENGTH} characters; a few unrelated
          words make a good one.
        </p>
        {p.error === undefined ? null : (
          <p class="error" role="alert">
            {p.error}
          </p>
        )}
        <form class="stack" method="post" action="/console/set-password">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <input type="hidden" name="token" value={p.token} />
          {/* Lets a password manager file the new password under the right name. */}
          <input type="hidden" name="username" autocomplete="username" value={p.operatorName} />
          <div class="field">
            <label for="new-password">New password</label>
            <input
              id="new-password"
              name="password"
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autocomplete="new-password"
            />
          </div>
          <div class="field">
            <label for="new-password-again">New password again</label>
            <input
              id="new-password-again"
              name="confirmation"
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autocomplete="new-password"
            />
          </div>
          <div class="actions">
            <button type="submit">Set password</button>
          </div>
        </form>
      </div>
    </ConsoleLayout>
  );
}

function LinkNotValid({ assets }: { readonly assets: ConsoleAssetHrefs }) {
  return (
    <ConsoleLayout title="Link not valid" assets={assets} session={null}>
      <div class="stack">
        <p class="error" role="alert">
          This link was used already or has expired (links work once, for 24 hours).
        </p>
        <p>
          Ask whoever runs Kassa for a new one: <code>kassa operator reset NAME</code>.
        </p>
      </div>
    </ConsoleLayout>
  );
}
