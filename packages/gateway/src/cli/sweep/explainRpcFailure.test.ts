// Risk: a dead RPC node during a sweep step prints viem's page of request bodies and a stack, or an RPC URL's API key.
import { createPublicClient, http } from 'viem';
import { describe, expect, it } from 'vitest';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { explainRpcFailure } from './explainRpcFailure.ts';

describe('explainRpcFailure', () => {
  it('turns a failed RPC call into one line naming the node by its origin only', async () => {
    // Port 1 on loopback: nothing listens, the request fails for real.
    const client = createPublicClient({ transport: http('http://127.0.0.1:1/v3/secret-api-key', { retryCount: 0 }) });
    const failure = await client.getBlockNumber().catch((error: unknown) => error);
    const explained = explainRpcFailure(failure);
    expect(explained).toBeInstanceOf(SweepError);
    const message = (explained as SweepError).message;
    expect(message).toMatch(/^the RPC node at http:\/\/127\.0\.0\.1:1 failed: HTTP request failed/);
    expect(message).not.toContain('secret-api-key');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('leaves any other error as it was', () => {
    const error = new TypeError('not an RPC failure');
    expect(explainRpcFailure(error)).toBe(error);
    expect(explainRpcFailure('text')).toBe('text');
  });
});
