/** `$1,234.56`: USD cents written exactly from the bigint, thousands grouped. */
export function formatUsdCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${dollars}.${(abs % 100n).toString().padStart(2, '0')}`;
}
