import type { Deps } from './Deps.ts';

export type CreateAppDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export type CreateAppParameters = {
  readonly name: string;
  /** Where the app's webhooks go unless an order names its own `notify_url`. */
  readonly webhookUrl: string | null;
};

export type CreatedApp = { readonly appId: string; readonly appSecret: string };

/** Creates a merchant app; the secret is returned once and stored only encrypted. */
export async function createApp(deps: CreateAppDeps, params: CreateAppParameters): Promise<CreatedApp> {
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
