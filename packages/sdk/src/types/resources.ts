// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.

/** One network a coin can be paid on, in `coin/all`. */
export type CoinToken = {
  token_id: string;
  crypto: string;
  logo: string;
  name: string;
  is_support_memo: boolean;
  /** Token standard: `ERC20`, `BEP20`, … */
  network: string;
  /** `ETH`, `BSC`, `POLYGON`, … */
  chain: string;
  /** Token contract, or the EVM chain id for the native coin (`"1"` for ETH). */
  contract: string;
  chain_logo: string;
  status: number;
  precision: number;
};

/** One coin in `coin/all`. */
export type Coin = {
  coin_id: string;
  symbol: string;
  crypto: string;
  name: string;
  logo: string;
  min: string;
  price: string;
  precision: number;
  /** 1 normal, 2 maintenance. */
  status: number;
  tokens: CoinToken[];
};

/** `coin/all` response data. */
export type CoinListData = {
  list: Coin[];
};

/** `token/rate` request. */
export type TokenRateRequest = {
  /** USD amount, decimal string. */
  amount: string;
  token_id: string;
};

/** `token/rate` response data. */
export type TokenRateData = {
  /** USD per token. */
  price: string;
  /** `amount / price`, rounded up to the token's precision. */
  value: string;
};

/** One entry of the `get/network/height/info` response array. */
export type NetworkHeight = {
  chain: string;
  current_chain_height: number;
  tx_confirm_block_num: number;
  /** Seconds per block. */
  block_rate: number;
};
