// Risk: a message shows a raw key, expands a buyer-visible value twice, or lets a value inject markup.
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { createTranslator } from './createTranslator.ts';

const english = { greeting: 'Pay {amount} {coin}', only: 'English only', tricky: 'A & B <i>' };
const french = { greeting: 'Payer {amount} {coin}' };

describe('createTranslator', () => {
  const t = createTranslator(french, english);

  it('fills values in one pass and falls back to English', () => {
    expect(t('greeting', { amount: '{coin}', coin: 'USDT' })).toBe('Payer {coin} USDT');
    expect(t('only')).toBe('English only');
    expect(t('greeting')).toBe('Payer {amount} {coin}');
    expect(render(t.node('greeting', { amount: '{coin}', coin: 'USDT' }))).toBe(
      'Payer <bdi>{coin}</bdi> <bdi>USDT</bdi>',
    );
  });

  it('renders the message as text, escaped, with each value isolated', () => {
    expect(render(t.node('greeting', { amount: '1', coin: '<b>USDT</b>' }))).toBe(
      'Payer <bdi>1</bdi> <bdi>&lt;b>USDT&lt;/b></bdi>',
    );
    expect(render(t.node('tricky'))).toBe('A &amp; B &lt;i>');
  });

  it('throws for a key no catalog has, including inherited names', () => {
    expect(() => t('missing')).toThrow('checkout message missing');
    expect(() => t('toString')).toThrow();
    expect(() => t.node('missing')).toThrow('checkout message missing');
  });
});
