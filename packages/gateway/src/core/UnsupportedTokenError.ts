import { KassaError } from './KassaError.ts';

/** No offered network has a token of this `token_id`, or the app does not take it. */
export class UnsupportedTokenError extends KassaError {
  override readonly name = 'UnsupportedTokenError';
  readonly tokenId: string;

  constructor({ tokenId, isOffered = false }: { tokenId: string; isOffered?: boolean }) {
    super({
      code: 'unsupported_token',
      message: isOffered
        ? `token_id: ${tokenId} is not enabled for this app`
        : `token_id: ${tokenId} is not offered on any network`,
    });
    this.tokenId = tokenId;
  }
}
