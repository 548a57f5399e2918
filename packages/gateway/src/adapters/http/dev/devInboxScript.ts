/** Where the inbox page's one script is served: external, as the page's CSP allows no inline script. */
export const DEV_INBOX_SCRIPT_PATH = '/dev/assets/inbox.js';

/** How often the inbox page asks whether a webhook arrived. */
export const INBOX_POLL_SECONDS = 5;

/**
 * Reloads the inbox page when a webhook arrived since it was rendered, and only then: a timed
 * `<meta http-equiv="refresh">` reloaded it under a reader's eyes every few seconds (axe:
 * meta-refresh, critical). Without script the page still works; its "Reload" link does the rest.
 */
export const DEV_INBOX_SCRIPT = `(() => {
  const shown = Number(document.body.dataset.newest || '0');
  setInterval(async () => {
    try {
      const response = await fetch('/dev/inbox.json', { cache: 'no-store' });
      const { webhooks } = await response.json();
      const newest = webhooks.length === 0 ? 0 : webhooks[0].seq;
      if (newest !== shown) location.reload();
    } catch {
      // The sandbox is stopping or restarting: ask again next time.
    }
  }, ${INBOX_POLL_SECONDS * 1000});
})();
`;
