import { type Address, getAddress } from 'viem';

/** EIP-681 ERC-20 payment request as the checkout page's wallet link carries it. */
export type PaymentRequest = { contract: Address; chainId: number; to: Address; amount: bigint };

/** The wallet link of the checkout page: `ethereum:<token>@<chainId>/transfer?address=<to>&uint256=<amount>`. */
export function readPaymentRequest(html: string): PaymentRequest {
  const href = /href="(ethereum:[^"]+)"/.exec(html)?.[1];
  if (href === undefined) throw new Error('the checkout page shows no payment request (wallet link)');
  const uri = href.replaceAll('&amp;', '&');
  const match = /^ethereum:(0x[0-9a-fA-F]{40})@(\d+)\/transfer\?address=(0x[0-9a-fA-F]{40})&uint256=(\d+)$/.exec(uri);
  if (match === null) throw new Error(`unexpected payment request ${uri}`);
  const [, contract = '', chainId = '', to = '', amount = ''] = match;
  return { contract: getAddress(contract), chainId: Number(chainId), to: getAddress(to), amount: BigInt(amount) };
}
