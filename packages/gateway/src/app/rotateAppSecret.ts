import { KassaError } from '../core/KassaError.ts';
import type { Deps } from './Deps.ts';

export type RotateAppSecretDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export type RotateAppSecretParameters = { readonly appId: string };

/** Gives an app a new secret (the old one stops working at once) and returns it. */
export async function rotateAppSecret(
  deps: RotateAppSecretDeps,
  { appId }: RotateAppSecretParameters,
): Promise<string> {
  const secret = deps.ids.createSecret();
  const updated = await deps.store.apps.updateSecret(appId, secret, deps.clock.now());
  if (!updated) throw new KassaError({ code: 'unknown_app', message: `no app with id ${appId}` });
  return secret;
}
