import type { Deps } from '../../../app/Deps.ts';
import { getNetworkHeights } from '../../../app/getNetworkHeights.ts';
import { getTokenRate } from '../../../app/getTokenRate.ts';
import { listCoins } from '../../../app/listCoins.ts';
import { listTokenChains } from '../../../app/listTokenChains.ts';
import { formatDecimal } from '../../../core/money/Decimal.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { readRequiredText } from '../../../protocol/request/fieldReaders.ts';
import { parseTokenRateRequest } from '../../../protocol/request/parseTokenRateRequest.ts';
import type { MerchantHandler } from './registerMerchantApi.ts';
import { toCoinDto } from './toCoinDto.ts';
import { toNetworkHeightDto } from './toNetworkHeightDto.ts';
import { toSupportTokenDto } from './toSupportTokenDto.ts';
import { toTokenChainDto } from './toTokenChainDto.ts';

/** The resource endpoints of spec §9: coins, networks, rates and chain heights. */
export function createResourceRoutes(deps: Deps): Record<string, MerchantHandler> {
  return {
    'coin/all': async ({ app }) => ({ list: (await listCoins(deps, app)).map(toCoinDto) }),
    'support/token': async ({ app }) => ({ list: (await listCoins(deps, app)).flatMap(toSupportTokenDto) }),
    'token/chain': async ({ app, body }) => {
      const tokenId = readRequiredText(body, ['token_id'], { maxLength: 64, printable: true });
      return { list: (await listTokenChains(deps, { tokenId, app })).map(toTokenChainDto) };
    },
    'token/rate': async ({ body }) => {
      const { rate, value, token } = getTokenRate(deps, parseTokenRateRequest(body));
      return { price: formatDecimal(rate), value: formatAmount(value, token.decimals) };
    },
    'get/network/height/info': async () => (await getNetworkHeights(deps)).map(toNetworkHeightDto),
  };
}
