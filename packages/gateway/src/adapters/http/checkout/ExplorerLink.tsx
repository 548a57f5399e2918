import type { ComponentChildren } from 'preact';
import type { Network } from '../../../core/network.ts';
import type { Translate } from './createTranslator.ts';

export type ExplorerLinkProps = {
  readonly t: Translate;
  /** The network the address or transaction is on; null (it left the config): no link. */
  readonly network: Network | null;
  /** As held: lower-case `0x` hex; the network's kind writes it as its explorer does. */
  readonly target: { readonly txid: string } | { readonly address: string };
  /** The link's content. */
  readonly children: ComponentChildren;
};

/**
 * A link to the network's block explorer in a new tab, or the content alone when the network has
 * no explorer (the sandbox's local chains). `noopener noreferrer`: the explorer gets neither a
 * handle on this page nor its URL, which carries the order's checkout token.
 */
export function ExplorerLink({ t, network, target, children }: ExplorerLinkProps) {
  const explorerUrl = network?.explorerUrl;
  if (network === null || explorerUrl === undefined) return <>{children}</>;
  return (
    <a
      class="explorer"
      href={network.kind.buildExplorerUrl(explorerUrl, target)}
      target="_blank"
      rel="noopener noreferrer"
    >
      {children}
      <span class="visually-hidden"> {t.node('link.newTab')}</span>
    </a>
  );
}
