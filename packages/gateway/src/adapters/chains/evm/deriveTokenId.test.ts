// Risk: a token_id that changes between releases or installations, breaking every merchant that stored one.
import { describe, expect, it } from 'vitest';
import { deriveTokenId } from './deriveTokenId.ts';

describe('deriveTokenId', () => {
  it('gives the pinned ids (RFC 9562 UUIDv5 vectors computed outside Kassa)', () => {
    expect(deriveTokenId('ETH', '0xdAC17F958D2ee523a2206206994597C13D831ec7')).toBe(
      '8eca27a5-57fd-5f9e-a4b2-bf3f4aa7b713',
    );
    expect(deriveTokenId('BSC', '0x55d398326f99059fF775485246999027B3197955')).toBe(
      '8a396277-191a-582f-9aad-2eff278d2a4c',
    );
    expect(deriveTokenId('BSC', null)).toBe('be3ca134-8721-5391-898f-937bbd28ca49');
  });

  it('ignores the case of the contract, not the network or the coin', () => {
    const usdt = deriveTokenId('ETH', '0xdAC17F958D2ee523a2206206994597C13D831ec7');
    expect(deriveTokenId('ETH', '0xdac17f958d2ee523a2206206994597c13d831ec7')).toBe(usdt);
    expect(deriveTokenId('ARBITRUM', '0xdAC17F958D2ee523a2206206994597C13D831ec7')).not.toBe(usdt);
    expect(deriveTokenId('ETH', null)).not.toBe(deriveTokenId('BSC', null));
  });

  it('is a well-formed version-5 UUID', () => {
    for (const id of [deriveTokenId('DEV', null), deriveTokenId('X', '0x0000000000000000000000000000000000000001')]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
