import type { Generated } from 'kysely';
import type { SweepMovementsTable, SweepOutgoingTable, SweepTransactionsTable } from './funds/sweepTables.ts';
import type { ConsoleTables } from './operators/operatorTables.ts';

/*
 * Column conventions (both dialects):
 * - money and rates are TEXT holding canonical decimal strings: SQLite integers stop at 2^63,
 *   about 9.2 ETH in wei, and PostgreSQL numerics would come back as floats from some drivers;
 * - times are integer milliseconds since the epoch (`*_at`), BIGINT on PostgreSQL (parsed back to
 *   number: milliseconds stay far below 2^53);
 * - booleans are integers 0/1, which both dialects store and compare the same way.
 */

export type AppsTable = {
  app_id: string;
  name: string;
  /** AES-256-GCM ciphertext of the app secret under the operator's master key. */
  secret_ciphertext: string;
  webhook_url: string | null;
  /** Fraction of each payment kept as service fee, e.g. "0" or "0.005". */
  fee_rate: string;
  /** Fraction of the amount due that still counts as paid in full (both directions). */
  payment_tolerance: string;
  /** 1: also send `processing` webhooks when a payment is first seen. */
  notify_processing: number;
  /** JSON array of the token ids the app takes; null for every token on offer. */
  enabled_token_ids: string | null;
  /** When the operator disabled the app; null while it is enabled. */
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
};

export type OrdersTable = {
  order_id: string;
  app_id: string;
  merchant_order_id: string;
  /** `hosted` (concise/url/get, coin chosen by the buyer) or `native` (bill/create). */
  kind: string;
  product_name: string;
  /** Canonical decimal as the merchant priced it, in `denominated_currency`. */
  product_price: string;
  /** `USD` or `token`. */
  denominated_currency: string;
  /** Price in USD cents for USD orders; null for token-denominated ones. */
  price_usd_cents: string | null;
  valid_period_seconds: number;
  return_url: string | null;
  notify_url: string | null;
  custom_value: string | null;
  remark: string | null;
  /** Unguessable public token of the checkout page URL. */
  checkout_token: string;
  /** SHA-256 of the creating request's meaningful fields: the same id with other values is refused. */
  request_fingerprint: string;
  /** Last computed wire status, kept for listing and metrics; bill/info recomputes it. */
  status: string;
  created_at: number;
  expires_at: number;
  /** Addresses of this order stay watched until then (expiry + late-payment window). */
  watch_until: number;
};

export type QuotesTable = {
  quote_id: Generated<number>;
  order_id: string;
  network_key: string;
  token_id: string;
  symbol: string;
  /** Lower-case token contract, or null for the native coin. */
  contract: string | null;
  decimals: number;
  /** USD per whole token, exact decimal. */
  token_rate: string;
  /** What the buyer owes, in base units. */
  amount: string;
  /** Lower-case deposit address. */
  address: string;
  address_index: number;
  xpub_id: string;
  created_at: number;
  priced_at: number;
};

export type AddressCountersTable = {
  /** Hash of the xpub: one counter per key, shared by every network that uses it. */
  xpub_id: string;
  next_index: number;
};

export type PaymentsTable = {
  record_id: string;
  order_id: string;
  quote_id: number;
  network_key: string;
  txid: string;
  /** ERC-20 log index; -1 for a native transfer. */
  log_index: number;
  block_number: string;
  block_hash: string;
  from_address: string;
  to_address: string;
  contract: string | null;
  amount: string;
  /** `processing` | `success` | `failed` */
  status: string;
  seen_at: number;
  confirmed_at: number | null;
  failed_at: number | null;
};

export type ChainCursorsTable = {
  network_key: string;
  /** The next block to scan. */
  next_block: string;
  updated_at: number;
};

export type ChainBlocksTable = {
  network_key: string;
  block_number: string;
  block_hash: string;
  parent_hash: string;
};

export type DeliveriesTable = {
  delivery_id: string;
  app_id: string;
  order_id: string;
  record_id: string;
  /** The `pay_status` this delivery announces: `processing` | `success` | `failed`. */
  event: string;
  url: string;
  /** The exact JSON bytes sent on every attempt (only the signature headers change). */
  body: string;
  /** `pending` | `delivered` | `failed` */
  state: string;
  attempts: number;
  next_attempt_at: number;
  first_attempt_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  delivered_at: number | null;
  /** Place among the order's deliveries: they are sent one at a time, lowest first. */
  seq: number;
};

export type DeliveryAttemptsTable = {
  attempt_id: Generated<number>;
  delivery_id: string;
  started_at: number;
  latency_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string;
  delivered: number;
  /** `sending`, `finished` or `interrupted` (DeliveryAttemptState); `finished` by default. */
  state: Generated<string>;
};

export type ResendRequestsTable = {
  resend_id: Generated<number>;
  app_id: string;
  requested_at: number;
  resend_count: number;
};

export type LeaderLeasesTable = {
  name: string;
  holder: string;
  /** Raised at every takeover: a write carrying an older token comes from a deposed holder. */
  token: number;
  /** Epoch ms in the database's clock. */
  expires_at: number;
};

export type Database = ConsoleTables & {
  apps: AppsTable;
  orders: OrdersTable;
  quotes: QuotesTable;
  address_counters: AddressCountersTable;
  payments: PaymentsTable;
  chain_cursors: ChainCursorsTable;
  chain_blocks: ChainBlocksTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  resend_requests: ResendRequestsTable;
  sweep_transactions: SweepTransactionsTable;
  sweep_movements: SweepMovementsTable;
  sweep_outgoing: SweepOutgoingTable;
  leader_leases: LeaderLeasesTable;
};
