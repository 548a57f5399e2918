import { parseHttpUrl } from '../../core/parseHttpUrl.ts';
import { findForbiddenWebhookTarget } from './findForbiddenWebhookTarget.ts';
import type { CidrList } from './parseCidrList.ts';

/**
 * Why an operator's webhook URL would never be delivered to, as the end of a sentence that starts
 * with the field's name; null when it is fine. It refuses now what the dispatcher would refuse at
 * every delivery (same parser, same allow-list), so `kassa app` and the console agree.
 */
export function describeWebhookUrlProblem(text: string, allowList: CidrList): string | null {
  const parsed = parseHttpUrl(text);
  if (!parsed.ok) {
    return parsed.reason === 'credentials' ? 'must not carry credentials' : 'must be an absolute http(s) URL';
  }
  const forbidden = findForbiddenWebhookTarget(parsed.url, allowList);
  return forbidden === null ? null : `is refused: ${forbidden.message}; Kassa does not deliver webhooks there`;
}
