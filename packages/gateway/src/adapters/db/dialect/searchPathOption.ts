/**
 * The `pg` connection option that makes `pgSchema` the connection's schema (tests and
 * installations sharing one database isolate themselves this way); nothing without one.
 */
export function searchPathOption(pgSchema: string | undefined): { readonly options?: string } {
  if (pgSchema === undefined) return {};
  // Interpolated into a connection option, so only a plain identifier is accepted.
  if (!/^[a-z_][a-z0-9_]*$/.test(pgSchema)) throw new RangeError(`invalid schema name: ${pgSchema}`);
  return { options: `-c search_path=${pgSchema}` };
}
