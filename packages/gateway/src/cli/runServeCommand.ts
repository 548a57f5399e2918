import { loadConfig } from '../config/loadConfig.ts';
import { createGateway, type WorkerRole } from '../main.ts';
import { parseCommandArgs, readPortOption, UsageError } from './parseCommandArgs.ts';
import { stopOnSignals } from './stopOnSignals.ts';

/** What a process can do: serve HTTP (`api`) and any of the background workers. */
const ROLES = ['api', 'watcher', 'expirer', 'rates', 'dispatcher'] as const;
type Role = (typeof ROLES)[number];

/** `kassa serve`: the production gateway on the configured database, with all roles by default. */
export async function runServeCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    role: { type: 'string' },
  });
  const port = readPortOption(values.port);
  const roles = readRoles(values.role);
  const config = loadConfig({
    mode: 'production',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    overrides: { ...(values.host === undefined ? {} : { host: values.host }), ...(port === undefined ? {} : { port }) },
  });
  const gateway = await createGateway(config, { logger: { level: config.logLevel } });
  // An API process prices quotes from the prices it holds in memory, so it always refreshes them.
  const workerRoles = roles.filter((r): r is WorkerRole => r !== 'api');
  if (roles.includes('api') && !workerRoles.includes('rates')) workerRoles.push('rates');
  gateway.startWorkers({ roles: workerRoles });
  if (roles.includes('api')) {
    const url = await gateway.listen();
    gateway.http.log.info({ url, publicUrl: config.server.publicUrl, roles }, 'kassa is serving');
  } else {
    gateway.http.log.info({ roles }, 'kassa is running workers');
  }
  await stopOnSignals(() => gateway.close());
  return 0;
}

function readRoles(text: string | undefined): Role[] {
  if (text === undefined) return [...ROLES];
  const roles = text.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new UsageError(`--role takes a comma-separated list of ${ROLES.join(', ')}; got '${text}'`);
  }
  return roles as Role[];
}
