import { KassaError } from '../core/KassaError.ts';
import type { Clock, IdSource, Store } from '../core/ports.ts';

/** Gives an app a new secret (the old one stops working at once) and returns it. */
export async function rotateAppSecret(
  deps: { readonly store: Store; readonly clock: Clock; readonly ids: IdSource },
  appId: string,
): Promise<string> {
  const secret = deps.ids.createSecret();
  const updated = await deps.store.apps.updateSecret(appId, secret, deps.clock.now());
  if (!updated) throw new KassaError({ code: 'unknown_app', message: `no app with id ${appId}` });
  return secret;
}
