import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { checksumAddress } from './checksumAddress.ts';

describe('checksumAddress', () => {
  it('agrees with viem for lower-, upper- and mixed-case input', () => {
    for (const address of [
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      '0xFB6916095CA1DF60BB79CE92CE3EA74C37C5D359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    ]) {
      expect(checksumAddress(address)).toBe(getAddress(address));
    }
  });

  it('refuses what is not 20 hex bytes', () => {
    expect(() => checksumAddress('0x1234')).toThrow(TypeError);
    expect(() => checksumAddress('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toThrow(TypeError);
  });
});
