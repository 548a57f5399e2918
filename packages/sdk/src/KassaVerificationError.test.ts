// Guards against callers needing two checks to tell "did not verify" from other SDK failures.
import { describe, expect, it } from 'vitest';
import { KassaSdkError } from './KassaSdkError.ts';
import { KassaSignatureError } from './KassaSignatureError.ts';
import { KassaVerificationError } from './KassaVerificationError.ts';
import { KassaWebhookError } from './KassaWebhookError.ts';

describe('KassaVerificationError', () => {
  it('is the base of response and webhook verification failures, with their reason and message', () => {
    const response = new KassaSignatureError({ reason: 'wrong_app', path: 'bill/info' });
    const webhook = new KassaWebhookError('stale_timestamp');
    for (const error of [response, webhook]) {
      expect(error).toBeInstanceOf(KassaVerificationError);
      expect(error).toBeInstanceOf(KassaSdkError);
    }
    expect(response).toMatchObject({
      name: 'KassaSignatureError',
      reason: 'wrong_app',
      path: 'bill/info',
      message: 'bill/info: response is signed for another app id',
    });
    expect(webhook).toMatchObject({
      name: 'KassaWebhookError',
      reason: 'stale_timestamp',
      message: 'webhook rejected: timestamp outside the allowed window',
    });
  });
});
