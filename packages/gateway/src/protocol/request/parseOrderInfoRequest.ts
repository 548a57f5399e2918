import type { GetOrdersRequest } from '@kassa/sdk';
import { InvalidParamError } from '../../core/InvalidParamError.ts';
import { KassaError } from '../../core/KassaError.ts';
import { pickField, readText, type WireBody } from './fieldReaders.ts';

export const MAX_ORDER_IDS_PER_QUERY = 100;

/** Reads the merchant order ids of a `bill/info` request (spec §6): 1–100, de-duplicated. */
export function parseOrderInfoRequest(body: WireBody<GetOrdersRequest & { merchant_order_id: unknown }>): string[] {
  const found = pickField(body, ['merchant_order_ids', 'merchant_order_id']);
  if (found === null) throw new InvalidParamError({ field: 'merchant_order_ids', rule: 'is required' });
  // Some clients send the single legacy id as a bare string.
  const values = Array.isArray(found.value) ? found.value : [found.value];
  if (values.length === 0) throw new InvalidParamError({ field: 'merchant_order_ids', rule: 'must not be empty' });
  if (values.length > MAX_ORDER_IDS_PER_QUERY) {
    throw new KassaError({
      code: 'too_many_ids',
      message: `merchant_order_ids: at most ${MAX_ORDER_IDS_PER_QUERY} ids`,
    });
  }
  // The rules an id met when its order was created: an id breaking them names no order.
  const ids = values.map((v) => readText('merchant_order_ids', v, { maxLength: 128, printable: true }));
  return [...new Set(ids)];
}
