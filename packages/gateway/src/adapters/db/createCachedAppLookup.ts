import type { App } from '../../core/App.ts';
import type { AppStore, Clock } from '../../core/ports.ts';

/** How long a looked-up app (and its decrypted secret) is reused before it is read again. */
export const APP_CACHE_TTL_MS = 5_000;

/**
 * Every merchant request needs its app and secret: reading and decrypting them per request costs
 * as much as the order insert itself. Apps change rarely (a rotated secret or a new webhook URL
 * takes effect within the TTL in other processes; at once in this one, through the wrapped store).
 */
export function createCachedAppLookup(apps: AppStore, clock: Clock): AppStore {
  const cache = new Map<string, { app: App | null; fetchedAtMs: number }>();
  const forget = (appId: string) => cache.delete(appId);
  return {
    ...apps,
    async findApp(appId) {
      const nowMs = clock.now();
      const hit = cache.get(appId);
      if (hit !== undefined && nowMs - hit.fetchedAtMs < APP_CACHE_TTL_MS && nowMs >= hit.fetchedAtMs) return hit.app;
      const app = await apps.findApp(appId);
      // Unknown ids are cached too (briefly), so a flood of bogus app ids does not reach the database.
      if (cache.size >= 10_000) cache.clear();
      cache.set(appId, { app, fetchedAtMs: nowMs });
      return app;
    },
    async updateSecret(appId, secret, nowMs) {
      forget(appId);
      return apps.updateSecret(appId, secret, nowMs);
    },
    async updateSettings(appId, change, nowMs) {
      forget(appId);
      return apps.updateSettings(appId, change, nowMs);
    },
    async insertApp(app) {
      forget(app.appId);
      return apps.insertApp(app);
    },
  };
}
