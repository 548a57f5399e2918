import { ENVIRONMENT_VARIABLES } from './configSettings.ts';
import type { KassaConfig } from './KassaConfig.ts';
import { readHttpUrl } from './read/readHttpUrl.ts';
import { readInteger } from './read/readInteger.ts';
import { readString } from './read/readString.ts';

export type ReadServerSectionParameters = {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Command-line flags, which win over the environment and the file. */
  readonly overrides: { readonly host?: string; readonly port?: number };
};

/**
 * Reads the `server` section (its keys already checked), where the address and public URL may
 * also come from the environment or a flag. A file value is checked even when overridden: a typo
 * must not lie in wait.
 */
export function readServerSection(
  server: Readonly<Record<string, unknown>>,
  { env, overrides }: ReadServerSectionParameters,
): KassaConfig['server'] {
  const portVariable = ENVIRONMENT_VARIABLES['server.port'];
  const publicUrlVariable = ENVIRONMENT_VARIABLES['server.publicUrl'];
  const fileHost = server.host === undefined ? undefined : readString(server.host, 'server.host');
  const filePort = server.port === undefined ? undefined : readPort(server.port, 'server.port');
  const filePublicUrl =
    server.publicUrl === undefined ? undefined : readPublicUrl(server.publicUrl, 'server.publicUrl');
  const envPort = env[portVariable];
  const envPublicUrl = env[publicUrlVariable];

  const host = overrides.host ?? env[ENVIRONMENT_VARIABLES['server.host']] ?? fileHost ?? '127.0.0.1';
  const port =
    overrides.port !== undefined
      ? readPort(overrides.port, '--port')
      : envPort !== undefined
        ? readPort(/^\d+$/.test(envPort) ? Number(envPort) : envPort, portVariable)
        : (filePort ?? 8080);
  const publicUrl =
    envPublicUrl !== undefined
      ? readPublicUrl(envPublicUrl, publicUrlVariable)
      : (filePublicUrl ?? readPublicUrl(`http://${hostForUrl(host)}:${port}`, 'server.publicUrl'));
  return {
    host,
    port,
    publicUrl,
    bodyLimitBytes: readInteger(server.bodyLimitBytes ?? 65_536, 'server.bodyLimitBytes', 1024, 16 * 1024 * 1024),
    appRequestsPerMinute: readInteger(
      server.appRequestsPerMinute ?? 60_000,
      'server.appRequestsPerMinute',
      0,
      10_000_000,
    ),
    ipRequestsPerMinute: readInteger(server.ipRequestsPerMinute ?? 600, 'server.ipRequestsPerMinute', 0, 10_000_000),
    shutdownGraceMs: readInteger(server.shutdownGraceMs ?? 10_000, 'server.shutdownGraceMs', 0, 600_000),
  };
}

function readPort(value: unknown, setting: string): number {
  return readInteger(value, setting, 0, 65_535);
}

function readPublicUrl(value: unknown, setting: string): string {
  return readHttpUrl(value, setting).replace(/\/+$/, '');
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
