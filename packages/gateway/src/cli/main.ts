import { ConfigError } from '../config/ConfigError.ts';
import { SweepError } from '../core/sweep/SweepError.ts';
import { UsageError } from './parseCommandArgs.ts';

const USAGE = `usage: kassa <command> [options]

commands:
  dev [--port N] [--host H] [--data-dir DIR] [--rpc-url URL] [--json] [--log-level L]
                                                    the sandbox: local devnet, test tokens, sandbox app, inbox
  serve [--config FILE] [--host H] [--port N] [--role api,watcher,expirer,rates,dispatcher]
                                                    run the gateway (production: needs KASSA_MASTER_KEY)
  migrate [--config FILE]                           apply database migrations and exit
  app create --name NAME [--webhook-url URL] [--json]
  app list [--json]
  app rotate-secret APP_ID [--json]
  webhook list [--failed] [--app APP_ID] [--limit N] [--json]
  operator add NAME | list | remove NAME | reset NAME [--config FILE] [--data-dir DIR] [--json]
                                                    who may sign in to the console; add and reset print a one-time link
  webhook resend DELIVERY_ID [--json]
  funds [--config FILE] [--data-dir DIR] [--json]  what was paid, collected and awaits collection, per network and token
  sweep plan --network KEY --out FILE [--strategy auto|eip7702|topup] [--gas-wallet ADDR | --gas-key-file F]
             [--all-addresses] [--force] [--config FILE]
                                                    read balances, write what a sweep would move (no key needed)
  sweep sign --plan FILE --out FILE [--seed-file F | --seed-fd N] [--account N]
             (--config FILE | --to ADDR --chain-id N) [--max-gas-price GWEI] [--force]
                                                    sign a plan with the seed, offline
  sweep send --signed FILE [--gas-key-file F] [--config FILE]
                                                    broadcast, wait for receipts, record; safe to run again
  sweep deploy --network KEY [--gas-key-file F] [--config FILE]
                                                    deploy the EIP-7702 sweeper for the network's sweepTo
  sweep gas-key --out FILE                          make a new gas-wallet key (file mode 0600), print its address
  sweep --execute [--network KEY] [--strategy S] [--data-dir DIR] [--seed-file F] [--gas-key-file F]
                  [--all-addresses] [--config FILE]
                                                    plan, sign and send in one go (the sandbox needs no option)
  xpub --kind tron|evm [--account N] [--seed-file F | --seed-fd N] [--json]
                                                    the account xpub a network needs, from the seed, offline
`;

/**
 * The `kassa` command line: parses the command, runs it, turns known failures into one-line errors.
 * Each command's module is imported only when it runs, so `kassa --help` or `kassa app list` never loads
 * the HTTP server, the chain client or the workers.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'dev':
        return await (await import('./runDevCommand.ts')).runDevCommand(rest);
      case 'serve':
        return await (await import('./runServeCommand.ts')).runServeCommand(rest);
      case 'migrate':
        return await (await import('./runMigrateCommand.ts')).runMigrateCommand(rest);
      case 'app':
        return await (await import('./runAppCommand.ts')).runAppCommand(rest);
      case 'webhook':
        return await (await import('./runWebhookCommand.ts')).runWebhookCommand(rest);
      case 'operator':
        return await (await import('./runOperatorCommand.ts')).runOperatorCommand(rest);
      case 'funds':
        return await (await import('./runFundsCommand.ts')).runFundsCommand(rest);
      case 'sweep':
        return await (await import('./runSweepCommand.ts')).runSweepCommand(rest);
      case 'xpub':
        return await (await import('./runXpubCommand.ts')).runXpubCommand(rest);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`kassa: unknown command '${command}'\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof SweepError) {
      process.stderr.write(`kassa: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
