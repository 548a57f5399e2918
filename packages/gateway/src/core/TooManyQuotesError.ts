import { KassaError } from './KassaError.ts';

/** The order already has the most quotes it may have: the coin shown last stays. */
export class TooManyQuotesError extends KassaError {
  override readonly name = 'TooManyQuotesError';
  readonly maxQuotes: number;

  constructor({ maxQuotes }: { maxQuotes: number }) {
    super({
      code: 'invalid_param',
      message: `token_id: this order's coin was changed too often (at most ${maxQuotes} quotes)`,
    });
    this.maxQuotes = maxQuotes;
  }
}
