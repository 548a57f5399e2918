import type { Kysely } from 'kysely';
import type { FundsLine } from '../../../core/ports.ts';
import { createFundsTally, type FundsTally } from '../../../core/sweep/createFundsTally.ts';
import type { Database } from '../schema.ts';

/**
 * Confirmed payments read and summed per step. SQLite runs a statement on the event loop's thread:
 * read and summed at once, the 330,000 payments of a million orders held the whole process (its
 * merchant API too) for about 1.7 s (bench/funds-ledger.ts).
 */
export const LEDGER_PAGE_SIZE = 5_000;

/**
 * The funds ledger (`FundsStore.summarizeFunds`) from both of its sides: confirmed payments into
 * deposit addresses, and what successful sweep transactions moved out of them (a reverted one moved
 * nothing), with top-ups and the fees deposit addresses paid. Only the columns the sums need are
 * read; amounts are summed as bigints, since TEXT amounts pass 2^63 and SQLite sums only as floats.
 */
export async function readFundsLedger(
  db: Kysely<Database>,
  { pageSize = LEDGER_PAGE_SIZE }: { readonly pageSize?: number } = {},
): Promise<FundsLine[]> {
  const tally = createFundsTally();
  await addConfirmedPayments(db, tally, pageSize);
  const movements = await db
    .selectFrom('sweep_movements as m')
    .innerJoin('sweep_transactions as t', (join) =>
      join.onRef('t.network_key', '=', 'm.network_key').onRef('t.txid', '=', 'm.txid'),
    )
    .select(['m.network_key', 'm.contract', 'm.address', 'm.amount'])
    .where('t.status', '=', 'success')
    .execute();
  for (const m of movements) {
    const contract = m.contract === '' ? null : m.contract;
    tally.add('collected', { networkKey: m.network_key, contract, address: m.address, amount: BigInt(m.amount) });
  }
  // Top-ups that arrived, and fees deposit addresses paid (a reverted transaction pays its fee too).
  const gas = await db
    .selectFrom('sweep_transactions')
    .select(['network_key', 'kind', 'from_address', 'to_address', 'fee_wei', 'value_wei', 'status'])
    .where((eb) => eb.or([eb('kind', '=', 'topup'), eb('paid_by', '=', 'deposit')]))
    .execute();
  for (const g of gas) {
    const networkKey = g.network_key;
    if (g.kind !== 'topup') {
      tally.add('gasOut', { networkKey, contract: null, address: g.from_address, amount: BigInt(g.fee_wei) });
    } else if (g.status === 'success') {
      tally.add('gasIn', { networkKey, contract: null, address: g.to_address, amount: BigInt(g.value_wei) });
    }
  }
  return tally.lines();
}

/**
 * Adds the confirmed payments a page at a time by record id, letting other work run between pages.
 * Not one snapshot: a payment confirmed behind the read counts in the next summary, and the
 * per-address floor of the ledger keeps a sweep recorded meanwhile from hiding another address's funds.
 */
async function addConfirmedPayments(db: Kysely<Database>, tally: FundsTally, pageSize: number): Promise<void> {
  for (let after: string | null = null; ; ) {
    const rows = await db
      .selectFrom('payments')
      .select(['record_id', 'network_key', 'contract', 'to_address', 'amount'])
      .where('status', '=', 'success')
      .$if(after !== null, (query) => query.where('record_id', '>', after as string))
      .orderBy('record_id')
      .limit(pageSize)
      .execute();
    for (const p of rows) {
      tally.add('received', {
        networkKey: p.network_key,
        contract: p.contract === null ? null : p.contract.toLowerCase(),
        address: p.to_address.toLowerCase(),
        amount: BigInt(p.amount),
      });
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = last.record_id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
