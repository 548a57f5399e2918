import { formatAmount } from '../../../../core/money/formatAmount.ts';

/** An amount in whole tokens, or in base units (marked) when the config does not give the decimals. */
export function TokenAmount({
  value,
  decimals,
  unit,
}: {
  readonly value: bigint;
  readonly decimals: number | null;
  readonly unit?: string;
}) {
  if (decimals === null) return <span title="base units: the token is not in the config">{`${value} base units`}</span>;
  return <>{`${formatAmount(value, decimals)}${unit === undefined ? '' : ` ${unit}`}`}</>;
}
