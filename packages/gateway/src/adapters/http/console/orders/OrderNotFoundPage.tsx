import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';

/** An order id that names no order (mistyped, or from another installation). */
export function OrderNotFoundPage(p: {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly orderId: string;
}) {
  return (
    <ConsoleLayout title="No such order" assets={p.assets} session={p.session} active="orders">
      <p>
        {'No order has the id '}
        <code>{p.orderId}</code>
        {'. '}
        <a href={`/console/orders?q=${encodeURIComponent(p.orderId)}`}>Search for it</a>
        {' as a merchant order id, address or transaction instead.'}
      </p>
    </ConsoleLayout>
  );
}
