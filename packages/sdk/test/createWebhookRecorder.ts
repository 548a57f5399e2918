// Test fixture: a merchant's onWebhook that notes what it was handed and can be made to fail.
import { beforeEach } from 'vitest';
import type { WebhookPayload } from '../src/types.ts';

export type WebhookRecorder = {
  /** Payloads handed to `onWebhook` since the test began. */
  delivered: WebhookPayload[];
  /** Makes `onWebhook` throw, as a merchant whose storage is down. */
  failNext: boolean;
  /** Synchronous on purpose: a handler must catch a plain throw, not only a rejected promise. */
  onWebhook(payload: WebhookPayload): void;
};

/** A recorder emptied (and made to succeed again) before each test of the calling file. */
export function createWebhookRecorder(): WebhookRecorder {
  const recorder: WebhookRecorder = {
    delivered: [],
    failNext: false,
    onWebhook(payload) {
      if (recorder.failNext) throw new Error('merchant storage down');
      recorder.delivered.push(payload);
    },
  };
  beforeEach(() => {
    recorder.delivered = [];
    recorder.failNext = false;
  });
  return recorder;
}
