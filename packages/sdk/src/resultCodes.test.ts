// Guards against a result code that changes value or loses its name (merchants log and branch on them).
import { describe, expect, it } from 'vitest';
import { getResultCodeName, RESULT_CODES } from './resultCodes.ts';

describe('RESULT_CODES', () => {
  it('keeps the v1 success code and one distinct code per name', () => {
    expect(RESULT_CODES.success).toBe(10000);
    expect(RESULT_CODES.duplicate_order).toBe(100007);
    expect(new Set(Object.values(RESULT_CODES)).size).toBe(Object.keys(RESULT_CODES).length);
  });

  it('names every code it holds and nothing else', () => {
    for (const [name, code] of Object.entries(RESULT_CODES)) expect(getResultCodeName(code)).toBe(name);
    expect(getResultCodeName(100098)).toBeUndefined();
    expect(getResultCodeName(0)).toBeUndefined();
  });
});
