import type { Kysely } from 'kysely';
import type { LedgerEntry } from '../../../core/sweep/buildFundsLines.ts';
import type { Database } from '../schema.ts';

/**
 * Both sides of the funds ledger, one entry per row: confirmed payments into deposit addresses,
 * and what successful sweep transactions moved out of them (a reverted one moved nothing). Only
 * the columns the sums need are read; the caller sums the amounts as bigints, since TEXT amounts
 * pass 2^63 and SQLite can only sum them as floats.
 */
export async function readLedgerEntries(
  db: Kysely<Database>,
): Promise<{ received: LedgerEntry[]; collected: LedgerEntry[]; toppedUp: LedgerEntry[]; spentOnFees: LedgerEntry[] }> {
  const payments = await db
    .selectFrom('payments')
    .select(['network_key', 'contract', 'to_address', 'amount'])
    .where('status', '=', 'success')
    .execute();
  const movements = await db
    .selectFrom('sweep_movements as m')
    .innerJoin('sweep_transactions as t', (join) =>
      join.onRef('t.network_key', '=', 'm.network_key').onRef('t.txid', '=', 'm.txid'),
    )
    .select(['m.network_key', 'm.contract', 'm.address', 'm.amount'])
    .where('t.status', '=', 'success')
    .execute();
  // Top-ups that arrived, and fees deposit addresses paid (a reverted transaction pays its fee too).
  const gas = await db
    .selectFrom('sweep_transactions')
    .select(['network_key', 'kind', 'from_address', 'to_address', 'fee_wei', 'value_wei', 'status'])
    .where((eb) => eb.or([eb('kind', '=', 'topup'), eb('paid_by', '=', 'deposit')]))
    .execute();
  const nativeEntry = (networkKey: string, address: string, amount: string): LedgerEntry => ({
    networkKey,
    contract: null,
    address,
    amount: BigInt(amount),
  });
  return {
    toppedUp: gas
      .filter((g) => g.kind === 'topup' && g.status === 'success')
      .map((g) => nativeEntry(g.network_key, g.to_address, g.value_wei)),
    spentOnFees: gas
      .filter((g) => g.kind !== 'topup')
      .map((g) => nativeEntry(g.network_key, g.from_address, g.fee_wei)),
    received: payments.map((p) => ({
      networkKey: p.network_key,
      contract: p.contract === null ? null : p.contract.toLowerCase(),
      address: p.to_address.toLowerCase(),
      amount: BigInt(p.amount),
    })),
    collected: movements.map((m) => ({
      networkKey: m.network_key,
      contract: m.contract === '' ? null : m.contract,
      address: m.address,
      amount: BigInt(m.amount),
    })),
  };
}
