import { type Decimal, formatDecimal, parseDecimal } from '../../../../core/money/Decimal.ts';
import type { AppSettingsChange } from '../../../../core/ports/AppStore.ts';
import { describeWebhookUrlProblem } from '../../../webhooks/describeWebhookUrlProblem.ts';
import type { CidrList } from '../../../webhooks/parseCidrList.ts';

/** The most an operator may forgive: past 10 % an "underpaid" order is not a rounding matter. */
const MAX_TOLERANCE_PERCENT = 10n;

export type AppSettingsForm =
  | { readonly ok: true; readonly change: AppSettingsChange }
  | { readonly ok: false; readonly error: string };

/** The app settings form (webhook URL, tolerance in percent, processing webhooks), checked. */
export function readAppSettingsForm(form: URLSearchParams, allowList: CidrList): AppSettingsForm {
  const webhookText = (form.get('webhook_url') ?? '').trim();
  if (webhookText.length > 2048) return { ok: false, error: 'Webhook URL is longer than 2,048 characters.' };
  const problem = webhookText === '' ? null : describeWebhookUrlProblem(webhookText, allowList);
  if (problem !== null) return { ok: false, error: `Webhook URL ${problem}.` };
  const tolerance = readPercent(form.get('tolerance_percent') ?? '');
  if (!tolerance.ok) return tolerance;
  return {
    ok: true,
    change: {
      webhookUrl: webhookText === '' ? null : webhookText,
      paymentTolerance: tolerance.fraction,
      notifyProcessing: form.get('notify_processing') === 'on',
    },
  };
}

function readPercent(text: string): { ok: true; fraction: Decimal } | { ok: false; error: string } {
  const parsed = parseDecimal(text.trim() === '' ? '0' : text.trim());
  if (!parsed.ok) return { ok: false, error: `Tolerance ${parsed.reason} (a percentage such as 0.5).` };
  const { units, scale } = parsed.value;
  if (units > MAX_TOLERANCE_PERCENT * 10n ** BigInt(scale))
    return { ok: false, error: `Tolerance must be at most ${MAX_TOLERANCE_PERCENT} %.` };
  // A percentage is the fraction with the point moved two places: exact, no float.
  return { ok: true, fraction: { units, scale: scale + 2 } };
}

/** The fraction as the form shows it, in percent: `{ units: 5n, scale: 3 }` → `0.5`. */
export function toPercentText(fraction: Decimal): string {
  const { units, scale } = fraction;
  // Moving the point right past the digits given multiplies by ten per missing place.
  return scale >= 2
    ? formatDecimal({ units, scale: scale - 2 })
    : formatDecimal({ units: units * 10n ** BigInt(2 - scale), scale: 0 });
}
