import type { OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import { createSecretBox } from '../../../crypto/createSecretBox.ts';
import { createOperatorStore } from '../../../db/operators/createOperatorStore.ts';
import type { ConsoleContext } from '../ConsoleContext.ts';

const stores = new WeakMap<ConsoleContext, OperatorStore>();

/** The operator store of a console, made once per context (TOTP secrets under the master key). */
export function getOperatorStore(ctx: ConsoleContext): OperatorStore {
  let store = stores.get(ctx);
  if (store === undefined) {
    store = createOperatorStore(ctx.kassaDb.db, createSecretBox(ctx.deps.config.masterKey));
    stores.set(ctx, store);
  }
  return store;
}
