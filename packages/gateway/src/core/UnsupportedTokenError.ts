import { KassaError } from './KassaError.ts';

/** No offered network has a token of this `token_id`. */
export class UnsupportedTokenError extends KassaError {
  override readonly name = 'UnsupportedTokenError';
  readonly tokenId: string;

  constructor({ tokenId }: { tokenId: string }) {
    super({ code: 'unsupported_token', message: `token_id: ${tokenId} is not offered on any network` });
    this.tokenId = tokenId;
  }
}
