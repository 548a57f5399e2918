import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb } from '../adapters/db/createDb.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { createAuditLog } from '../adapters/db/operators/createAuditLog.ts';
import { createOperatorStore } from '../adapters/db/operators/createOperatorStore.ts';
import { createRandomIdSource } from '../adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../adapters/system/createSystemClock.ts';
import { addOperator } from '../app/operators/addOperator.ts';
import type { OperatorActor, OperatorDeps, OperatorLink } from '../app/operators/OperatorDeps.ts';
import { removeOperator } from '../app/operators/removeOperator.ts';
import { resetOperator } from '../app/operators/resetOperator.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { parseCommandArgs, UsageError } from './parseCommandArgs.ts';

/** How the audit log names what the command line did. */
const CLI_ACTOR: OperatorActor = { operatorId: null, operatorName: 'cli', address: null };

type OperatorCommandContext = {
  readonly deps: OperatorDeps;
  readonly publicUrl: string;
  readonly json: boolean;
  readonly print: (line: string) => void;
};

/** `kassa operator add | list | remove | reset`: who may sign in to the console. */
export async function runOperatorCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [subcommand, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`operator: unexpected argument '${extra[0]}'`);
  const config = loadConfig({
    mode: 'auto',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    // The sandbox's data dir (`kassa dev --data-dir`), where its database and master key are.
    ...(values['data-dir'] === undefined ? {} : { overrides: { dataDir: values['data-dir'] } }),
  });
  const kassaDb = createDb({ url: config.database.url });
  const clock = createSystemClock();
  const context: OperatorCommandContext = {
    deps: {
      operators: createOperatorStore(kassaDb.db, createSecretBox(config.masterKey)),
      audit: createAuditLog(kassaDb),
      clock,
      ids: createRandomIdSource(clock),
    },
    publicUrl: config.server.publicUrl,
    json: values.json,
    print: (line) => process.stdout.write(`${line}\n`),
  };
  try {
    await migrateToLatest(kassaDb);
    switch (subcommand) {
      case 'add':
        return await addCommand(context, requireName(subcommand, name));
      case 'list':
        return await listCommand(context);
      case 'remove':
        return await removeCommand(context, requireName(subcommand, name));
      case 'reset':
        return await resetCommand(context, requireName(subcommand, name));
      default:
        throw new UsageError(`operator: unknown subcommand '${subcommand ?? ''}' (add, list, remove, reset)`);
    }
  } finally {
    await kassaDb.close();
  }
}

function requireName(subcommand: string, name: string | undefined): string {
  if (name === undefined) throw new UsageError(`operator ${subcommand} needs NAME`);
  return name;
}

async function addCommand(context: OperatorCommandContext, name: string): Promise<number> {
  const added = await addOperator(context.deps, { name, actor: CLI_ACTOR });
  if (!added.ok) {
    throw new UsageError(
      added.reason === 'name_taken'
        ? `an operator named '${name.trim().toLowerCase()}' exists already (kassa operator reset NAME gives it a new link)`
        : `'${name}' is not a valid operator name: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  printLink(context, added.name, added.link, 'added');
  return 0;
}

async function resetCommand(context: OperatorCommandContext, name: string): Promise<number> {
  const reset = await resetOperator(context.deps, { name, actor: CLI_ACTOR });
  if (!reset.ok) throw new UsageError(`no operator named '${name}' (kassa operator list)`);
  printLink(context, reset.name, reset.link, 'reset: password and two-factor sign-in cleared, every session ended');
  return 0;
}

async function removeCommand({ deps, json, print }: OperatorCommandContext, name: string): Promise<number> {
  if (!(await removeOperator(deps, { name, actor: CLI_ACTOR }))) {
    throw new UsageError(`no operator named '${name}' (kassa operator list)`);
  }
  const removed = name.trim().toLowerCase();
  print(json ? JSON.stringify({ name: removed, removed: true }) : `operator ${removed} removed; its sessions ended.`);
  return 0;
}

async function listCommand({ deps, json, print }: OperatorCommandContext): Promise<number> {
  const operators = await deps.operators.listOperators();
  if (!json && operators.length === 0) print('no operators yet: kassa operator add NAME');
  for (const operator of operators) {
    const state = { password_set: operator.passwordHash !== null, totp: operator.totpSecret !== null };
    if (json) {
      const created = Math.floor(operator.createdAtMs / 1000);
      print(JSON.stringify({ name: operator.name, operator_id: operator.operatorId, ...state, created }));
    } else {
      const password = state.password_set ? 'password set' : 'no password yet';
      print(`${operator.name}  ${password}  ${state.totp ? 'two-factor on' : 'two-factor off'}`);
    }
  }
  return 0;
}

/** The set-password link, the one place it is ever shown. */
function printLink({ publicUrl, json, print }: OperatorCommandContext, name: string, link: OperatorLink, what: string) {
  const url = `${publicUrl}/console/set-password?token=${link.token}`;
  if (json) {
    print(JSON.stringify({ name, set_password_url: url, expires_at: Math.floor(link.expiresAtMs / 1000) }));
    return;
  }
  print(`operator ${name} ${what}.`);
  print(`Give them this link to set a password; it works once, until ${new Date(link.expiresAtMs).toISOString()}:`);
  print(`  ${url}`);
}
