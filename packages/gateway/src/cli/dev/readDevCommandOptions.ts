import { LOG_LEVELS, type LogLevel } from '../../config/KassaConfig.ts';
import type { LoadConfigParameters } from '../../config/loadConfig.ts';
import { parseCommandArgs, readPortOption, UsageError } from '../parseCommandArgs.ts';

export type DevCommandOptions = {
  /** What `loadConfig` needs: the `--config` file and the `--host`, `--port`, `--data-dir` overrides. */
  readonly config: LoadConfigParameters;
  readonly logLevel: LogLevel;
  /** An external devnet (`--rpc-url`); without it, kassa dev starts its own anvil. */
  readonly rpcUrl: string | undefined;
  /** `--json`: one JSON line on stdout instead of the banner, and no progress lines. */
  readonly json: boolean;
};

/** Reads the options of `kassa dev`; a mistake becomes a `UsageError`. */
export function readDevCommandOptions(args: readonly string[]): DevCommandOptions {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'rpc-url': { type: 'string' },
    'log-level': { type: 'string' },
    json: { type: 'boolean' },
  });
  const port = readPortOption(values.port);
  // The sandbox app's webhook URL and the printed public URL must name the real port.
  if (port === 0) throw new UsageError('--port 0 is not supported by kassa dev: give a port number');
  const logLevel = readLogLevel(values['log-level']);
  const rpcUrl = values['rpc-url'];
  if (rpcUrl !== undefined && !/^https?:\/\/\S+$/.test(rpcUrl))
    throw new UsageError('--rpc-url must be an http(s) URL');
  const config: LoadConfigParameters = {
    mode: 'dev',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    overrides: {
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(port === undefined ? {} : { port }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    },
  };
  return { config, logLevel, rpcUrl, json: values.json === true };
}

function readLogLevel(text: string | undefined): LogLevel {
  if (text === undefined) return 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(text))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return text as LogLevel;
}
