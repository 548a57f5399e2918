/** A bad setting: the message names it, and the process stops with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The setting's path (`networks.BSC.rpcUrls[0]`), environment variable or flag. */
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super(`config: ${setting} ${problem}`);
    this.setting = setting;
  }
}
