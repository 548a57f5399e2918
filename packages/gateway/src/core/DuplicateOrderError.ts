import { KassaError } from './KassaError.ts';

/** The app already has an order of this merchant order id, made with other values. */
export class DuplicateOrderError extends KassaError {
  override readonly name = 'DuplicateOrderError';
  readonly merchantOrderId: string;

  constructor({ merchantOrderId }: { merchantOrderId: string }) {
    const message = `merchant_order_id: ${merchantOrderId} already exists with different values`;
    super({ code: 'duplicate_order', message });
    this.merchantOrderId = merchantOrderId;
  }
}
