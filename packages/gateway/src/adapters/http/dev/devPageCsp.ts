/** The sandbox pages' CSP: nothing but their own stylesheet, images and forms. */
export const DEV_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
// The inbox page also runs its own script, which asks /dev/inbox.json whether a webhook arrived.
export const INBOX_PAGE_CSP = `${DEV_PAGE_CSP}; script-src 'self'; connect-src 'self'`;
