// Guards against losing the cause chain a log needs, or inventing a cause where there was none.
import { describe, expect, it } from 'vitest';
import { BaseError } from './BaseError.ts';
import { KassaError } from './KassaError.ts';

describe('BaseError', () => {
  it('keeps the error that led to it as cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new BaseError('rates: network', { cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('rates: network');
  });

  it('has no cause property when none was given', () => {
    expect('cause' in new BaseError('plain')).toBe(false);
    expect('cause' in new KassaError({ code: 'internal_error', message: 'x' })).toBe(false);
  });

  it('is the root of merchant-facing errors too', () => {
    expect(new KassaError({ code: 'rate_limited', message: 'slow down' })).toBeInstanceOf(BaseError);
  });
});
