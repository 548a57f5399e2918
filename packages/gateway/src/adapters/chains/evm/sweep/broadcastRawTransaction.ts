import type { Hex, PublicClient } from 'viem';

// What nodes answer when these exact bytes are already in their pool or already mined: expected on
// a rerun, which broadcasts journaled transactions again. Geth, Erigon, Nethermind, Besu and anvil
// word it differently; the receipt wait that follows settles what really happened.
const ALREADY_SENT = [
  /already known/i,
  /known transaction/i,
  /already imported/i,
  /already exists/i,
  /nonce too low/i,
  /nonce.*already.*used/i,
  /transaction already/i,
  /AlreadyKnown/i,
  /OldNonce/i,
];

/**
 * Broadcasts signed bytes, treating "already known" and "nonce too low" as sent: a rerun sends the
 * same bytes again, and whether they were mined (or replaced) is for the receipt wait to find out.
 *
 * @example
 * await broadcastRawTransaction(publicClient, raw);
 */
export async function broadcastRawTransaction(publicClient: PublicClient, raw: Hex): Promise<void> {
  try {
    await publicClient.sendRawTransaction({ serializedTransaction: raw });
  } catch (error) {
    const text = collectMessages(error);
    if (ALREADY_SENT.some((pattern) => pattern.test(text))) return;
    throw error;
  }
}

function collectMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    parts.push(current.message, (current as { details?: string }).details ?? '');
    current = current.cause;
  }
  return parts.join('\n');
}
