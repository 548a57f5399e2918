import { describe, expect, it } from 'vitest';
import { parseCidrList } from '../../../webhooks/parseCidrList.ts';
import { readAppSettingsForm, toPercentText } from './readAppSettingsForm.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const NO_EXTRA_CIDRS = parseCidrList([]);

describe('readAppSettingsForm', () => {
  it('reads a tolerance in percent as the exact fraction', () => {
    const read = readAppSettingsForm(form({ webhook_url: '', tolerance_percent: '0.5' }), NO_EXTRA_CIDRS);
    expect(read).toEqual({
      ok: true,
      change: { webhookUrl: null, paymentTolerance: { units: 5n, scale: 3 }, notifyProcessing: false },
    });
    expect(readAppSettingsForm(form({ tolerance_percent: '' }), NO_EXTRA_CIDRS)).toMatchObject({
      ok: true,
      change: { paymentTolerance: { units: 0n, scale: 2 } },
    });
  });

  it('refuses a tolerance past 10 %, a signed or exponent one, and a webhook URL with credentials', () => {
    expect(readAppSettingsForm(form({ tolerance_percent: '10.01' }), NO_EXTRA_CIDRS)).toEqual({
      ok: false,
      error: 'Tolerance must be at most 10 %.',
    });
    expect(readAppSettingsForm(form({ tolerance_percent: '-1' }), NO_EXTRA_CIDRS)).toMatchObject({ ok: false });
    expect(readAppSettingsForm(form({ tolerance_percent: '1e1' }), NO_EXTRA_CIDRS)).toMatchObject({ ok: false });
    expect(readAppSettingsForm(form({ webhook_url: 'https://a:b@shop.example/' }), NO_EXTRA_CIDRS)).toEqual({
      ok: false,
      error: 'Webhook URL must not carry credentials.',
    });
  });
});

describe('toPercentText', () => {
  it('writes the fraction in percent, zero as 0', () => {
    expect(toPercentText({ units: 0n, scale: 0 })).toBe('0');
    expect(toPercentText({ units: 5n, scale: 3 })).toBe('0.5');
    expect(toPercentText({ units: 1n, scale: 1 })).toBe('10');
    expect(toPercentText({ units: 125n, scale: 4 })).toBe('1.25');
  });
});
