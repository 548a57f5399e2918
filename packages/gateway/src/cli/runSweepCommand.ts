import { UsageError } from './parseCommandArgs.ts';
import { explainRpcFailure } from './sweep/explainRpcFailure.ts';

/**
 * `kassa sweep plan | sign | send | deploy | gas-key` and `kassa sweep --execute`: collects the deposit
 * addresses' funds to the configured destination. Each step loads only what it needs: `sign`
 * never loads the database or the chain client.
 */
export async function runSweepCommand(args: readonly string[]): Promise<number> {
  try {
    return await runSweepSubcommand(args);
  } catch (error) {
    throw explainRpcFailure(error);
  }
}

async function runSweepSubcommand(args: readonly string[]): Promise<number> {
  if (args.includes('--execute')) {
    const rest = args.filter((arg) => arg !== '--execute');
    return (await import('./sweep/runSweepExecuteCommand.ts')).runSweepExecuteCommand(rest);
  }
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'plan':
      return (await import('./sweep/runSweepPlanCommand.ts')).runSweepPlanCommand(rest);
    case 'sign':
      return (await import('./sweep/runSweepSignCommand.ts')).runSweepSignCommand(rest);
    case 'send':
      return (await import('./sweep/runSweepSendCommand.ts')).runSweepSendCommand(rest);
    case 'deploy':
      return (await import('./sweep/runSweepDeployCommand.ts')).runSweepDeployCommand(rest);
    case 'gas-key':
      return (await import('./sweep/runSweepGasKeyCommand.ts')).runSweepGasKeyCommand(rest);
    default:
      throw new UsageError(
        `sweep: unknown subcommand '${subcommand ?? ''}' (plan, sign, send, deploy, gas-key, or --execute)`,
      );
  }
}
