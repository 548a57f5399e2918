// Risk: the three URL settings (public URL, RPC URLs, exchange roots) drifting apart in what they accept.
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { readHttpUrl } from './readHttpUrl.ts';

describe('readHttpUrl', () => {
  it('returns an absolute http(s) URL unchanged, credentials too unless refused', () => {
    expect(readHttpUrl('https://rpc.example.org/KEY/', 'x')).toBe('https://rpc.example.org/KEY/');
    expect(readHttpUrl('http://user:pw@127.0.0.1:8545', 'x')).toBe('http://user:pw@127.0.0.1:8545');
  });

  it.each([
    [7, {}, 'must be an absolute http(s) URL'],
    ['pay.example.com', {}, 'must be an absolute http(s) URL'],
    ['ftp://pay.example.com', {}, 'must be an http(s) URL'],
    ['http://user:pw@x.example', { refuseCredentials: true }, 'must not carry credentials'],
  ])('refuses %j (%j): %s', (value, options, problem) => {
    expect(catchConfigError(() => readHttpUrl(value, 'rates.exchanges.kraken.baseUrl', options)).message).toBe(
      `config: rates.exchanges.kraken.baseUrl ${problem}`,
    );
  });
});
