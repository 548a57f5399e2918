import type { Network } from '../../../../core/network.ts';

/**
 * An address or transaction as its network's kind writes it (EIP-55, TRON `T…`, txid without `0x`
 * on TRON), linked to the network's explorer in a new tab when it has one. `noreferrer`: the
 * explorer learns nothing of the console.
 */
export function ChainLink({
  network,
  target,
}: {
  readonly network: Network | undefined;
  readonly target: { readonly address: string } | { readonly txid: string };
}) {
  const held = 'address' in target ? target.address : target.txid;
  const text =
    network === undefined
      ? held
      : 'address' in target
        ? network.kind.formatAddress(held)
        : network.kind.formatTxid(held);
  const code = <code>{text}</code>;
  if (network?.explorerUrl === undefined) return code;
  return (
    <a href={network.kind.buildExplorerUrl(network.explorerUrl, target)} target="_blank" rel="noopener noreferrer">
      {code}
      <span class="visually-hidden"> (opens the explorer in a new tab)</span>
    </a>
  );
}
