// Risk: an operator pastes an address or txid in another spelling than Kassa stores and the order is not found.
import { describe, expect, it } from 'vitest';
import { EVM_NETWORK_KIND } from '../../adapters/chains/evm/evmNetworkKind.ts';
import { TRON_NETWORK_KIND } from '../../adapters/chains/tron/tronNetworkKind.ts';
import { parseConsoleSearch } from './parseConsoleSearch.ts';

const KINDS = [EVM_NETWORK_KIND, TRON_NETWORK_KIND];
const HEX = '0x5fbdb2315678afecb367f032d93f642f64180aa3';

describe('parseConsoleSearch', () => {
  it('reads a merchant order id as typed, and 33 digits as a Kassa order id too', () => {
    expect(parseConsoleSearch('  shop-1 ', KINDS)).toEqual({ merchantOrderId: 'shop-1' });
    const id = '202611201200000000000000000000001';
    expect(parseConsoleSearch(id, KINDS)).toEqual({ merchantOrderId: id, orderId: id });
    expect(parseConsoleSearch('   ', KINDS)).toBeNull();
  });

  it('reads an address checksummed, lower- or upper-case, or in TRON form, as lower-case hex', () => {
    const checksummed = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    expect(parseConsoleSearch(checksummed, KINDS)?.address).toBe(HEX);
    expect(parseConsoleSearch(HEX.toUpperCase().replace('0X', '0x'), KINDS)?.address).toBe(HEX);
    expect(parseConsoleSearch('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', KINDS)?.address).toBe(
      '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c',
    );
    expect(parseConsoleSearch('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', [EVM_NETWORK_KIND])?.address).toBeUndefined();
  });

  it('reads a transaction id with or without 0x, in any case', () => {
    const hex = 'ab'.repeat(32);
    expect(parseConsoleSearch(hex.toUpperCase(), KINDS)).toEqual({
      merchantOrderId: hex.toUpperCase(),
      txid: `0x${hex}`,
    });
    expect(parseConsoleSearch(`0x${hex}`, KINDS)?.txid).toBe(`0x${hex}`);
  });
});
