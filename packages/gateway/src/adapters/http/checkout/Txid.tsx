import type { CheckoutPayment } from '../../../app/getCheckoutState.ts';
import type { Translate } from './createTranslator.ts';
import { ExplorerLink } from './ExplorerLink.tsx';

export type TxidProps = { readonly t: Translate; readonly payment: CheckoutPayment };

/** A payment's txid as its network's explorer writes it (TRON without `0x`), linked there if it can be. */
export function Txid({ t, payment }: TxidProps) {
  const txid = payment.network?.kind.formatTxid(payment.txid) ?? payment.txid;
  return (
    <ExplorerLink t={t} network={payment.network} target={{ txid: payment.txid }}>
      <code class="txid" dir="ltr">
        {txid}
      </code>
    </ExplorerLink>
  );
}
