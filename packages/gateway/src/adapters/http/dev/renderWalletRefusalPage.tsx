import { renderHtmlDocument } from '../view/renderHtmlDocument.ts';

/**
 * The short page a refused sandbox wallet call answers a browser with: why, and the way back to
 * the order's checkout page when the form named one.
 */
export function renderWalletRefusalPage(message: string, token: string | undefined): string {
  return renderHtmlDocument(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Sandbox wallet</title>
      </head>
      <body>
        <p>{message}</p>
        {token === undefined || token === '' ? null : (
          <p>
            <a href={`/pay/${encodeURIComponent(token)}`}>Back to the checkout page</a>
          </p>
        )}
      </body>
    </html>,
  );
}
