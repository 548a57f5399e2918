import type { Network } from '../../../core/network.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';

export type RenderExplorerLinkParameters = {
  readonly t: Translate;
  /** The network the address or transaction is on; null (it left the config): no link. */
  readonly network: Network | null;
  /** As held: lower-case `0x` hex; the network's kind writes it as its explorer does. */
  readonly target: { readonly txid: string } | { readonly address: string };
  /** The link's content, already HTML. */
  readonly html: string;
};

/**
 * A link to the network's block explorer in a new tab, or `html` alone when the network has no
 * explorer (the sandbox's local chains). `noopener noreferrer`: the explorer gets neither a handle
 * on this page nor its URL, which carries the order's checkout token.
 */
export function renderExplorerLink({ t, network, target, html }: RenderExplorerLinkParameters): string {
  const explorerUrl = network?.explorerUrl;
  if (network === null || explorerUrl === undefined) return html;
  const href = network.kind.buildExplorerUrl(explorerUrl, target);
  return `<a class="explorer" href="${esc(href)}" target="_blank" rel="noopener noreferrer">${html}<span class="visually-hidden"> ${t.html('link.newTab')}</span></a>`;
}
