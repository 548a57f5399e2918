import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { createRandomIdSource } from '../adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../adapters/system/createSystemClock.ts';
import { describeWebhookUrlProblem } from '../adapters/webhooks/describeWebhookUrlProblem.ts';
import { type CidrList, parseCidrList } from '../adapters/webhooks/parseCidrList.ts';
import { createApp } from '../app/createApp.ts';
import type { Deps } from '../app/Deps.ts';
import { rotateAppSecret } from '../app/rotateAppSecret.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { KassaError } from '../core/KassaError.ts';
import { parseCommandArgs, UsageError } from './parseCommandArgs.ts';

/** What every `kassa app` subcommand works with. */
type AppCommandContext = {
  readonly deps: Pick<Deps, 'store' | 'clock' | 'ids'>;
  readonly json: boolean;
  readonly print: (line: string) => void;
};

/** `kassa app create | list | rotate-secret`: manage merchant credentials. */
export async function runAppCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: 'string' },
    name: { type: 'string' },
    'webhook-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [subcommand, ...operands] = positionals;
  const config = loadConfig({ mode: 'auto', ...(values.config === undefined ? {} : { configFile: values.config }) });
  const kassaDb = createDb({ url: config.database.url });
  const clock = createSystemClock();
  const deps = {
    store: createStore(kassaDb, createSecretBox(config.masterKey)),
    clock,
    ids: createRandomIdSource(clock),
  };
  const context: AppCommandContext = { deps, json: values.json, print: (line) => process.stdout.write(`${line}\n`) };
  try {
    await migrateToLatest(kassaDb);
    switch (subcommand) {
      case 'create': {
        if (values.name === undefined || values.name.trim() === '')
          throw new UsageError('app create needs --name NAME');
        const webhookUrl = values['webhook-url'] ?? null;
        if (webhookUrl !== null) assertWebhookUrl(webhookUrl, parseCidrList(config.webhooks.allowedCidrs));
        return await createAppCommand(context, values.name, webhookUrl);
      }
      case 'list':
        return await listAppsCommand(context);
      case 'rotate-secret':
        return await rotateSecretCommand(context, operands[0]);
      default:
        throw new UsageError(`app: unknown subcommand '${subcommand ?? ''}' (create, list, rotate-secret)`);
    }
  } finally {
    await kassaDb.close();
  }
}

async function createAppCommand(
  { deps, json, print }: AppCommandContext,
  name: string,
  webhookUrl: string | null,
): Promise<number> {
  const created = await createApp(deps, { name, webhookUrl });
  if (json) print(JSON.stringify({ app_id: created.appId, app_secret: created.appSecret }));
  else {
    print(`app_id:     ${created.appId}`);
    print(`app_secret: ${created.appSecret}`);
    print('The secret is shown only now; store it safely.');
  }
  return 0;
}

async function listAppsCommand({ deps, json, print }: AppCommandContext): Promise<number> {
  const apps = await deps.store.apps.listApps();
  if (json) {
    for (const app of apps) {
      const created = Math.floor(app.createdAtMs / 1000);
      print(JSON.stringify({ app_id: app.appId, name: app.name, webhook_url: app.webhookUrl, created }));
    }
  } else {
    if (apps.length === 0) print('no apps yet: kassa app create --name NAME');
    for (const app of apps) print(`${app.appId}  ${app.name}  ${app.webhookUrl ?? '(no webhook URL)'}`);
  }
  return 0;
}

async function rotateSecretCommand(
  { deps, json, print }: AppCommandContext,
  appId: string | undefined,
): Promise<number> {
  if (appId === undefined) throw new UsageError('app rotate-secret needs APP_ID');
  try {
    const secret = await rotateAppSecret(deps, { appId });
    print(json ? JSON.stringify({ app_id: appId, app_secret: secret }) : `app_secret: ${secret}`);
    return 0;
  } catch (error) {
    if (error instanceof KassaError && error.code === 'unknown_app')
      throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/** Refuses now what the dispatcher would refuse at every delivery (same allow-list, same config). */
function assertWebhookUrl(text: string, allowList: CidrList): void {
  const problem = describeWebhookUrlProblem(text, allowList);
  if (problem !== null) throw new UsageError(`--webhook-url ${problem}`);
}
