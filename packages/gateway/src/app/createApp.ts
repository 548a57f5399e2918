import type { Clock, IdSource, Store } from '../core/ports.ts';

export type CreateAppDeps = { readonly store: Store; readonly clock: Clock; readonly ids: IdSource };

export type CreatedApp = { readonly appId: string; readonly appSecret: string };

/** Creates a merchant app; the secret is returned once and stored only encrypted. */
export async function createApp(
  deps: CreateAppDeps,
  params: { name: string; webhookUrl: string | null },
): Promise<CreatedApp> {
  const appId = deps.ids.createId();
  const appSecret = deps.ids.createSecret();
  await deps.store.apps.insertApp({
    appId,
    name: params.name,
    secret: appSecret,
    webhookUrl: params.webhookUrl,
    createdAtMs: deps.clock.now(),
  });
  return { appId, appSecret };
}
