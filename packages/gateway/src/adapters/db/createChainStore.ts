import { type Kysely, sql } from 'kysely';
import type { ChainStore } from '../../core/ports.ts';
import type { Database } from './schema.ts';

/**
 * Watcher state in the database: `chain_cursors` and `chain_blocks`. Block numbers are TEXT (like
 * every big integer here), so range conditions compare them cast to integers; the table holds a
 * few hundred rows per network, so the cast costing the index does not matter.
 */
export function createChainStore(db: Kysely<Database>): ChainStore {
  const blockNumber = sql<string>`cast(block_number as bigint)`;
  const deleteBlocks = async (networkKey: string, op: '>=' | '<', block: bigint): Promise<void> => {
    await db
      .deleteFrom('chain_blocks')
      .where('network_key', '=', networkKey)
      .where(blockNumber, op, block.toString())
      .execute();
  };
  return {
    async findCursor(networkKey) {
      const row = await db
        .selectFrom('chain_cursors')
        .select('next_block')
        .where('network_key', '=', networkKey)
        .executeTakeFirst();
      return row === undefined ? null : BigInt(row.next_block);
    },
    async listCursors() {
      const rows = await db.selectFrom('chain_cursors').select(['network_key', 'next_block', 'updated_at']).execute();
      return rows.map((r) => ({
        networkKey: r.network_key,
        nextBlock: BigInt(r.next_block),
        updatedAtMs: Number(r.updated_at),
      }));
    },
    async initCursor(networkKey, nextBlock, nowMs) {
      await db
        .insertInto('chain_cursors')
        .values({ network_key: networkKey, next_block: nextBlock.toString(), updated_at: nowMs })
        .onConflict((oc) => oc.column('network_key').doNothing())
        .execute();
      const row = await db
        .selectFrom('chain_cursors')
        .select('next_block')
        .where('network_key', '=', networkKey)
        .executeTakeFirstOrThrow();
      return BigInt(row.next_block);
    },
    async setCursor(networkKey, nextBlock, nowMs) {
      await db
        .insertInto('chain_cursors')
        .values({ network_key: networkKey, next_block: nextBlock.toString(), updated_at: nowMs })
        .onConflict((oc) =>
          oc.column('network_key').doUpdateSet({ next_block: nextBlock.toString(), updated_at: nowMs }),
        )
        .execute();
    },
    async saveBlocks(networkKey, blocks) {
      if (blocks.length === 0) return;
      await db
        .insertInto('chain_blocks')
        .values(
          blocks.map((b) => ({
            network_key: networkKey,
            block_number: b.blockNumber.toString(),
            block_hash: b.blockHash,
            parent_hash: b.parentHash,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['network_key', 'block_number']).doUpdateSet((eb) => ({
            block_hash: eb.ref('excluded.block_hash'),
            parent_hash: eb.ref('excluded.parent_hash'),
          })),
        )
        .execute();
    },
    async findBlock(networkKey, number) {
      const row = await db
        .selectFrom('chain_blocks')
        .select(['block_hash', 'parent_hash'])
        .where('network_key', '=', networkKey)
        .where('block_number', '=', number.toString())
        .executeTakeFirst();
      return row === undefined ? null : { blockNumber: number, blockHash: row.block_hash, parentHash: row.parent_hash };
    },
    async listBlocks(networkKey) {
      const rows = await db
        .selectFrom('chain_blocks')
        .select(['block_number', 'block_hash', 'parent_hash'])
        .where('network_key', '=', networkKey)
        .execute();
      return rows
        .map((r) => ({ blockNumber: BigInt(r.block_number), blockHash: r.block_hash, parentHash: r.parent_hash }))
        .sort((a, b) => (a.blockNumber < b.blockNumber ? -1 : a.blockNumber > b.blockNumber ? 1 : 0));
    },
    deleteBlocksFrom: (networkKey, fromBlock) => deleteBlocks(networkKey, '>=', fromBlock),
    pruneBlocks: (networkKey, belowBlock) => deleteBlocks(networkKey, '<', belowBlock),
  };
}
