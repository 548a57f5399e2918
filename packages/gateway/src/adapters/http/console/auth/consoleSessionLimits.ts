/** The cookie holding a console session's token (scoped to `/console`). */
export const SESSION_COOKIE = 'kassa_console';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 30 * 60_000;

/** …and this long after sign-in however active it stays, so a stolen cookie does not live forever. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

/** Last-seen times are written at most this often: a page full of requests costs one write. */
export const SESSION_TOUCH_EVERY_MS = 60_000;
