// Risk: the QR code asks a wallet for the wrong token, chain, recipient or amount.
import { describe, expect, it } from 'vitest';
import { buildPaymentUri } from './buildPaymentUri.ts';

const TO = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';

describe('buildPaymentUri', () => {
  it('asks for an ERC-20 transfer with checksummed addresses and an integer amount', () => {
    expect(buildPaymentUri({ chainId: 1, to: TO, contract: USDT, amount: 10_500_000n })).toBe(
      'ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266&uint256=10500000',
    );
  });

  it('asks for the native coin by value in wei, without exponent', () => {
    expect(buildPaymentUri({ chainId: 56, to: TO, contract: null, amount: 4_200_000_000_000_000_123n })).toBe(
      'ethereum:0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266@56?value=4200000000000000123',
    );
  });

  it('refuses what no wallet should be asked', () => {
    expect(() => buildPaymentUri({ chainId: 1, to: TO, contract: null, amount: -1n })).toThrow(RangeError);
    expect(() => buildPaymentUri({ chainId: 0, to: TO, contract: null, amount: 1n })).toThrow(RangeError);
    expect(() => buildPaymentUri({ chainId: 1, to: '0x123', contract: null, amount: 1n })).toThrow();
  });
});
