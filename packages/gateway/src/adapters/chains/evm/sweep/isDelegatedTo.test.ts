import { describe, expect, it } from 'vitest';
import { isDelegatedTo } from './isDelegatedTo.ts';

const SWEEPER = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const OTHER = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

describe('isDelegatedTo', () => {
  it('is true for exactly 0xef0100 ‖ contract, in any letter case', () => {
    expect(isDelegatedTo(`0xef0100${SWEEPER.slice(2)}`, SWEEPER)).toBe(true);
    expect(isDelegatedTo(`0xef0100${SWEEPER.slice(2).toLowerCase()}`, SWEEPER)).toBe(true);
    expect(isDelegatedTo(`0xEF0100${SWEEPER.slice(2).toUpperCase()}`, SWEEPER)).toBe(true);
  });

  it('is false for no code, another target, a real contract, or extra bytes', () => {
    expect(isDelegatedTo(undefined, SWEEPER)).toBe(false);
    expect(isDelegatedTo('0x', SWEEPER)).toBe(false);
    expect(isDelegatedTo(`0xef0100${OTHER.slice(2)}`, SWEEPER)).toBe(false);
    expect(isDelegatedTo(`0x6080${SWEEPER.slice(2)}`, SWEEPER)).toBe(false);
    expect(isDelegatedTo(`0xef0100${SWEEPER.slice(2)}00`, SWEEPER)).toBe(false);
    expect(isDelegatedTo(`0xef01${SWEEPER.slice(2)}`, SWEEPER)).toBe(false);
  });
});
