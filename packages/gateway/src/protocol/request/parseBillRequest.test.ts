// Risk: a bill/create request misread (price in the wrong unit, wrong coin, lenient rules broken) before any order is made.
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_NETWORK } from '../../../test/support/syntheticNetwork.ts';
import { KassaError } from '../../core/KassaError.ts';
import { parseBillRequest } from './parseBillRequest.ts';

const NETWORKS = [SYNTHETIC_NETWORK];
const BASE = { merchant_order_id: 'm-1', product_price: '10.5', token_id: 'token-USDT', denominated_currency: 'USD' };

function errorOf(body: Record<string, unknown>): KassaError {
  try {
    parseBillRequest(body, NETWORKS);
  } catch (error) {
    if (error instanceof KassaError) return error;
    throw error;
  }
  throw new Error('expected a KassaError');
}

describe('parseBillRequest', () => {
  it('reads a USD request with defaults for the optional fields', () => {
    expect(parseBillRequest(BASE, NETWORKS)).toEqual({
      merchantOrderId: 'm-1',
      tokenId: 'token-USDT',
      denominatedCurrency: 'USD',
      productPrice: '10.5',
      priceUsdCents: 1050n,
      validPeriodSeconds: 86_400,
      remark: null,
      notifyUrl: null,
      customValue: null,
    });
  });

  it('reads every optional field, legacy aliases and case-insensitive currency', () => {
    const parsed = parseBillRequest(
      {
        merchant_order_id: 42,
        amount: 7,
        token_id: 'token-USDT',
        denominated_currency: 'usd',
        valid_timestamp: '600',
        remark: 'gift',
        notify_url: 'https://shop.example/hook',
        custom_value: 'c',
      },
      NETWORKS,
    );
    expect(parsed).toMatchObject({
      merchantOrderId: '42',
      productPrice: '7',
      priceUsdCents: 700n,
      validPeriodSeconds: 600,
      remark: 'gift',
      notifyUrl: 'https://shop.example/hook',
      customValue: 'c',
    });
  });

  it('reads a token price at the token’s own precision', () => {
    const eth = parseBillRequest(
      { ...BASE, token_id: 'token-ETH', denominated_currency: 'TOKEN', product_price: '0.123456789012345678' },
      NETWORKS,
    );
    expect(eth).toMatchObject({
      denominatedCurrency: 'token',
      productPrice: '0.123456789012345678',
      priceUsdCents: null,
    });
    expect(
      parseBillRequest({ ...BASE, denominated_currency: 'Token', product_price: '1.500000' }, NETWORKS).productPrice,
    ).toBe('1.5');
    expect(errorOf({ ...BASE, denominated_currency: 'token', product_price: '1.1234567' }).message).toBe(
      'product_price: at most 6 decimal places',
    );
    expect(errorOf({ ...BASE, denominated_currency: 'token', product_price: 0 }).message).toBe(
      'product_price: is required',
    );
    expect(errorOf({ ...BASE, denominated_currency: 'token', product_price: '0.000000' }).message).toBe(
      'product_price: must be greater than 0',
    );
  });

  it('names the field and the rule of each bad value', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...BASE, merchant_order_id: '' }, 'merchant_order_id: is required'],
      [{ ...BASE, token_id: null }, 'token_id: is required'],
      [{ ...BASE, denominated_currency: undefined }, 'denominated_currency: is required'],
      [{ ...BASE, denominated_currency: 'EUR' }, 'denominated_currency: must be USD or token'],
      [{ ...BASE, product_price: '10.555' }, 'product_price: at most 2 decimal places'],
      [{ ...BASE, order_valid_period: 59 }, 'order_valid_period: at least 60 seconds'],
      [{ ...BASE, notify_url: 'ftp://x' }, 'notify_url: must be an absolute http(s) URL'],
      [{ ...BASE, remark: 'r'.repeat(257) }, 'remark: at most 256 characters'],
    ];
    for (const [body, message] of cases) {
      const error = errorOf(body);
      expect(error.code).toBe('invalid_param');
      expect(error.message).toBe(message);
    }
  });

  it('is unsupported_token for a token no offered network has', () => {
    const error = errorOf({ ...BASE, token_id: 'token-BNB' });
    expect(error.code).toBe('unsupported_token');
    expect(error.message).toBe('token_id: token-BNB is not offered on any network');
  });
});
