// Risk: a mistyped or unchecked contract address lets payments be watched on a contract nobody pays into.
import { describe, expect, it } from 'vitest';
import { parseContractAddress } from './parseContractAddress.ts';

const USDT_ETH = '0xdAC17F958D2ee523a2206206994597C13D831ec7';

describe('parseContractAddress', () => {
  it('accepts the EIP-55 spelling, unchanged', () => {
    expect(parseContractAddress(USDT_ETH)).toEqual({ ok: true, value: USDT_ETH });
  });

  it.each([
    ['0x1234', 'must be a contract address'],
    [USDT_ETH.slice(2), 'must be a contract address'],
    [USDT_ETH.toLowerCase(), 'EIP-55 checksum'],
    [USDT_ETH.replace('dAC', 'DAC'), 'EIP-55 checksum'],
    [`0x${'0'.repeat(40)}`, 'must not be the zero address'],
  ])('refuses %s', (text, message) => {
    const result = parseContractAddress(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
