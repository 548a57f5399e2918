import type { Kysely } from 'kysely';
import type { SweepTransactionRecord } from '../../../core/ports.ts';
import type { Database } from '../schema.ts';

/**
 * Writes a sweep transaction and its movements on `db` (the caller's transaction): the key
 * (network, txid) decides, so a record already there writes nothing and returns false. Addresses,
 * hashes and contracts are stored lower-case; the native coin's contract as ''.
 */
export async function insertSweepTransaction(db: Kysely<Database>, record: SweepTransactionRecord): Promise<boolean> {
  const networkKey = record.networkKey;
  const txid = record.txid.toLowerCase();
  const result = await db
    .insertInto('sweep_transactions')
    .values({
      network_key: networkKey,
      txid,
      plan_id: record.planId,
      kind: record.kind,
      from_address: record.from.toLowerCase(),
      to_address: record.to.toLowerCase(),
      destination: record.destination.toLowerCase(),
      block_number: record.blockNumber.toString(),
      gas_used: record.gasUsed.toString(),
      fee_wei: record.feeWei.toString(),
      value_wei: record.valueWei.toString(),
      paid_by: record.paidBy,
      status: record.status,
      recorded_at: record.recordedAtMs,
    })
    .onConflict((oc) => oc.columns(['network_key', 'txid']).doNothing())
    .executeTakeFirst();
  if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
  if (record.movements.length > 0) {
    await db
      .insertInto('sweep_movements')
      .values(
        record.movements.map((m) => ({
          network_key: networkKey,
          txid,
          address: m.address.toLowerCase(),
          contract: m.contract === null ? '' : m.contract.toLowerCase(),
          address_index: m.index,
          amount: m.amount.toString(),
        })),
      )
      .execute();
  }
  return true;
}
