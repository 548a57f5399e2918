import { PRE_SESSION_COOKIE } from '../../src/adapters/http/console/auth/preSessionCsrf.ts';

export type ConsoleSignInReply = {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
  /** The session cookie as a `Cookie` header value ('' when none was set). */
  readonly setCookie: string;
  /** Every `Set-Cookie` header whole, attributes included: the session's first. */
  readonly setCookieHeaders: readonly string[];
  /** Every cookie set, as `name=value`. */
  readonly setCookies: readonly string[];
};

/**
 * Posts the console's sign-in form as a browser would after loading it: first a GET for the
 * pre-session cookie and its hidden field, then the post carrying both.
 */
export async function postConsoleSignIn(
  baseUrl: string,
  form: { readonly name: string; readonly password: string },
  /** Cookies the browser already holds (`name=value; …`), sent with both requests. */
  held = '',
): Promise<ConsoleSignInReply> {
  const page = await fetch(`${baseUrl}/console/sign-in`, { headers: held === '' ? {} : { cookie: held } });
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  if (!cookie.startsWith(`${PRE_SESSION_COOKIE}=`) || csrf === '')
    throw new Error('no pre-session token on the sign-in page');
  const reply = await fetch(`${baseUrl}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: held === '' ? cookie : `${cookie}; ${held}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrf, name: form.name, password: form.password }).toString(),
  });
  return {
    status: reply.status,
    html: await reply.text(),
    location: reply.headers.get('location'),
    setCookie: (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    setCookieHeaders: reply.headers.getSetCookie(),
    setCookies: reply.headers.getSetCookie().map((header) => header.split(';')[0] ?? ''),
  };
}
