import type { Network } from '../../../../core/network.ts';

export type AppCoinsForm =
  | { readonly ok: true; readonly tokenIds: readonly string[] | null }
  | { readonly ok: false; readonly error: string };

/** The coins form: `coins=all` (null: every token, later ones too) or the checked tokens on offer. */
export function readAppCoinsForm(form: URLSearchParams, networks: readonly Network[]): AppCoinsForm {
  if (form.get('coins') !== 'some') return { ok: true, tokenIds: null };
  const offered = new Set(networks.flatMap((network) => network.tokens.map((token) => token.tokenId)));
  const checked = [...new Set(form.getAll('token'))];
  const unknown = checked.find((tokenId) => !offered.has(tokenId));
  if (unknown !== undefined) return { ok: false, error: `No token ${unknown} is on offer.` };
  if (checked.length === 0) return { ok: false, error: 'Check at least one coin, or choose every coin.' };
  return { ok: true, tokenIds: checked };
}
