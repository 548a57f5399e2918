/**
 * Where to go after sign-in: a console path of ours, or `/console`. Anything else (another host,
 * `//host`, a backslash some browsers read as a slash) would make the sign-in page an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (next === null || next === undefined) return '/console';
  if (!/^\/console(?:[/?#]|$)/.test(next) || /[\\\s]/.test(next)) return '/console';
  if (next.startsWith('/console/sign-in')) return '/console';
  return next;
}
