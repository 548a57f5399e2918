/** The concurrency key of a URL: its origin, so all paths of one endpoint share its slots. */
export function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}
