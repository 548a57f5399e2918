/** Where the sandbox's stylesheet is served: an external file, as the strict CSP allows no inline styles. */
export const DEV_STYLESHEET_PATH = '/dev/assets/dev.css';

/** Styles of the sandbox wallet panel and the webhook inbox. */
export const DEV_STYLESHEET = `.dev-wallet{margin:1.5rem 0;padding:1rem;border:2px dashed #b45309;border-radius:.5rem;background:#fffbeb;color:#451a03;font:14px/1.45 system-ui,sans-serif}
.dev-wallet h2{margin:0 0 .5rem;font-size:1rem}
.dev-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}
.dev-actions button{padding:.5rem .75rem;border:1px solid #92400e;border-radius:.375rem;background:#fff;color:#451a03;font:inherit;cursor:pointer}
.dev-actions button:hover,.dev-actions button:focus-visible{background:#fde68a}
.dev-note{margin:.5rem 0;font-size:.8125rem}
.dev-wallet code{word-break:break-all}
.dev-wallet p{overflow-wrap:anywhere}
.inbox{margin:0 auto;padding:1rem;max-width:60rem;font:14px/1.45 system-ui,sans-serif;color:#111}
.inbox h1{font-size:1.25rem}
.entry{margin:1rem 0;padding:.75rem 1rem;border:1px solid #d4d4d4;border-radius:.5rem}
.entry h2{margin:0 0 .5rem;font-size:1rem}
.ok{color:#166534}
.bad{color:#991b1b}
.entry table{border-collapse:collapse;font:12px/1.4 ui-monospace,monospace}
.entry caption{text-align:start}
.entry th,.entry td{padding:.125rem .5rem .125rem 0;text-align:start;vertical-align:top}
.entry pre{margin:.5rem 0 0;padding:.5rem;overflow-x:auto;background:#f5f5f5;font:12px/1.4 ui-monospace,monospace}
`;
