import { BaseError, type BaseErrorOptions } from '../core/BaseError.ts';

/** A bad setting: the message names it, and the process stops with it. */
export class ConfigError extends BaseError {
  override readonly name = 'ConfigError';
  /** The setting's path (`networks.BSC.rpcUrls[0]`), environment variable or flag. */
  readonly setting: string;
  constructor(setting: string, problem: string, options: BaseErrorOptions = {}) {
    super(`config: ${setting} ${problem}`, options);
    this.setting = setting;
  }
}
