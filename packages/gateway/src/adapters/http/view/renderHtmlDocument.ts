import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * A whole HTML document from its `<html>` element. Pages are TSX rendered by Preact on the server:
 * every string a page puts in text or an attribute is escaped by the renderer, so no page escapes by
 * hand. Markup that is trusted as it is (translations whose placeholders the translator escaped, our
 * own SVG) goes in only through `dangerouslySetInnerHTML`, which names itself at each use.
 */
export function renderHtmlDocument(html: VNode): string {
  return `<!doctype html>${render(html)}`;
}
