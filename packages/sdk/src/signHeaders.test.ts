// Guards against signed headers that differ from what a v1 receiver checks (names, seconds, body bytes).
import { describe, expect, it } from 'vitest';
import { sign } from './sign.ts';
import { signHeaders } from './signHeaders.ts';
import { verifyHeaders } from './verifyHeaders.ts';

const APP = { appId: 'app-1', appSecret: 'secret-1' };

describe('signHeaders', () => {
  it('sends whole Unix seconds, rounded down, and signs the body with them', () => {
    const headers = signHeaders({ ...APP, nowMs: 1_700_000_000_999, body: '{"a":1}' });
    expect(headers).toEqual({
      Appid: 'app-1',
      Timestamp: '1700000000',
      Sign: sign({ ...APP, timestamp: '1700000000', body: '{"a":1}' }),
    });
    expect(Object.keys(headers)).toEqual(['Appid', 'Timestamp', 'Sign']);
  });

  it('produces headers that verifyHeaders accepts for the same bytes', () => {
    const body = Buffer.from('{"crème":"brûlée"}', 'utf8');
    const headers = signHeaders({ ...APP, nowMs: 1_700_000_000_000, body });
    expect(verifyHeaders({ ...APP, headers, body, toleranceSeconds: 0, nowMs: 1_700_000_000_500 })).toEqual({
      ok: true,
    });
  });
});
