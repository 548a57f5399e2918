import type { App } from './App.ts';

/** Whether the app takes payments in this token: every token, unless the operator chose some. */
export function appTakesToken(app: Pick<App, 'enabledTokenIds'>, tokenId: string): boolean {
  return app.enabledTokenIds === null || app.enabledTokenIds.includes(tokenId);
}
