import type { App } from '../../../../core/App.ts';

/** Enabled or disabled, as a badge. */
export function AppStatusBadge({ app }: { readonly app: App }) {
  return app.disabledAtMs === null ? <span class="badge ok">Enabled</span> : <span class="badge bad">Disabled</span>;
}
