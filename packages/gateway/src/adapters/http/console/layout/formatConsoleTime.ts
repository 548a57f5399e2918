/** `2026-12-03 08:15:02 UTC`: one unambiguous zone for every operator, sortable as text. */
export function formatConsoleTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
