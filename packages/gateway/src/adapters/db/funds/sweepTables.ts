/** Sweeps (migration 0005), as FundsStore records them; a movement's `contract` is '' for native. */
export type SweepTransactionsTable = {
  network_key: string;
  txid: string;
  plan_id: string;
  kind: string;
  from_address: string;
  to_address: string;
  destination: string;
  block_number: string;
  gas_used: string;
  fee_wei: string;
  value_wei: string;
  paid_by: string;
  status: string;
  recorded_at: number;
};

export type SweepMovementsTable = {
  network_key: string;
  txid: string;
  address: string;
  contract: string;
  address_index: number;
  amount: string;
};

/** Transactions a sweep sends from the gas wallet, noted before broadcast (see migration 0005). */
export type SweepOutgoingTable = {
  network_key: string;
  txid: string;
  noted_at: number;
};
