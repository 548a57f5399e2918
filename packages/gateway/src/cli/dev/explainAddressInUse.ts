import { UsageError } from '../parseCommandArgs.ts';

/** A listen error as the operator should read it: an address in use becomes a one-line usage error. */
export function explainAddressInUse(error: unknown, address: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new UsageError(`${address} is already in use (another kassa dev?): stop it or pass --port`);
  }
  return error;
}
