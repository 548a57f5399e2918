import type { ConsoleSession } from '../auth/ConsoleSession.ts';

/** The hidden field every console form posts: the guard compares it with the session's token. */
export function CsrfField({ session }: { readonly session: ConsoleSession }) {
  return <input type="hidden" name="_csrf" value={session.csrfToken} />;
}
