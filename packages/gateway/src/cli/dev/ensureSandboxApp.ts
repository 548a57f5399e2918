import { existsSync, readFileSync } from 'node:fs';
import { createApp } from '../../app/createApp.ts';
import type { Deps } from '../../app/Deps.ts';
import { UsageError } from '../parseCommandArgs.ts';

const SANDBOX_APP_NAME = 'Sandbox';

export type EnsureSandboxAppParameters = {
  /** The sandbox file of an earlier start, holding the app's credentials. */
  readonly file: string;
  readonly webhookUrl: string;
};

/**
 * The sandbox app: created once and remembered in `sandbox.json`; re-created when the database no
 * longer has it (deleted, or another database), and its webhook URL kept pointing at this run's inbox.
 */
export async function ensureSandboxApp(
  deps: Deps,
  { file, webhookUrl }: EnsureSandboxAppParameters,
): Promise<{ appId: string; appSecret: string }> {
  const saved = readSandboxCredentials(file);
  if (saved !== null) {
    const app = await deps.store.apps.findApp(saved.appId);
    if (app !== null && app.secret === saved.appSecret) {
      if (app.webhookUrl !== webhookUrl)
        await deps.store.apps.updateSettings(app.appId, { webhookUrl }, deps.clock.now());
      return saved;
    }
  }
  return createApp(deps, { name: SANDBOX_APP_NAME, webhookUrl });
}

function readSandboxCredentials(file: string): { appId: string; appSecret: string } | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (delete it and kassa dev creates a new sandbox app): ${(error as Error).message}`,
    );
  }
  const { app_id: appId, app_secret: appSecret } = (parsed ?? {}) as Partial<Record<string, unknown>>;
  return typeof appId === 'string' && typeof appSecret === 'string' ? { appId, appSecret } : null;
}
