import { describe, expect, it } from 'vitest';
import { renderHtmlDocument } from './renderHtmlDocument.ts';

describe('renderHtmlDocument', () => {
  it('escapes text and attribute values a page puts in, and keeps the doctype', () => {
    const hostile = `<script>alert("x")</script>'&`;
    const html = renderHtmlDocument(
      <html lang="en">
        <body>
          <p title={hostile}>{hostile}</p>
        </body>
      </html>,
    );
    expect(html).toBe(
      '<!doctype html><html lang="en"><body><p title="&lt;script>alert(&quot;x&quot;)&lt;/script>\'&amp;">' +
        "&lt;script>alert(&quot;x&quot;)&lt;/script>'&amp;</p></body></html>",
    );
  });
});
