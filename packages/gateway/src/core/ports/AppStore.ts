import type { App } from '../App.ts';
import type { Decimal } from '../money/Decimal.ts';

export type NewApp = {
  readonly appId: string;
  readonly name: string;
  readonly secret: string;
  readonly webhookUrl: string | null;
  readonly createdAtMs: number;
};

export type AppSettingsChange = {
  readonly webhookUrl?: string | null;
  readonly feeRate?: Decimal;
  readonly paymentTolerance?: Decimal;
  readonly notifyProcessing?: boolean;
  /** Null: every token on offer. */
  readonly enabledTokenIds?: readonly string[] | null;
  /** True disables the app (its credentials stop working), false enables it again. */
  readonly disabled?: boolean;
};

/** Apps and their secrets; the adapter encrypts secrets at rest. */
export type AppStore = {
  insertApp(app: NewApp): Promise<void>;
  findApp(appId: string): Promise<App | null>;
  listApps(): Promise<App[]>;
  /** Replaces the secret; false when no such app. */
  updateSecret(appId: string, secret: string, nowMs: number): Promise<boolean>;
  updateSettings(appId: string, change: AppSettingsChange, nowMs: number): Promise<boolean>;
};
