import type { App } from '../../core/App.ts';
import type { AppStore, Clock } from '../../core/ports.ts';

/** How long a looked-up app (and its decrypted secret) is reused before it is read again. */
export const APP_CACHE_TTL_MS = 5_000;

/**
 * Unknown app ids remembered at most. They are remembered so that a client stuck on a wrong Appid
 * is answered without a database read; random ids never repeat, so remembering more of them buys
 * nothing, and past the cap the id is one primary-key read, as without a cache. 1,000 ids of up to
 * 64 characters hold about 250 KB.
 */
export const MAX_UNKNOWN_APP_IDS = 1_000;

/** The app store with lookups cached in memory. */
export type CachedAppLookup = AppStore & {
  /** Entries held now: apps found, and ids found to be unknown. */
  countCached(): { readonly known: number; readonly unknown: number };
};

/**
 * Every merchant request needs its app and secret: reading and decrypting them per request costs
 * as much as the order insert itself. Apps change rarely (a rotated secret or a new webhook URL
 * takes effect within the TTL in other processes; at once in this one, through the wrapped store).
 * Apps found are bounded by the apps table, which only the operator fills; unknown ids are chosen
 * by whoever sends a request, so they are kept apart, capped, and never push a real app out.
 */
export function createCachedAppLookup(
  apps: AppStore,
  clock: Clock,
  { maxUnknownAppIds = MAX_UNKNOWN_APP_IDS }: { readonly maxUnknownAppIds?: number } = {},
): CachedAppLookup {
  const known = new Map<string, { app: App; fetchedAtMs: number }>();
  // In order of lookup (an id looked up again is re-inserted at the end): the oldest goes first.
  const unknownSinceMs = new Map<string, number>();
  const isFresh = (fetchedAtMs: number, nowMs: number) =>
    nowMs - fetchedAtMs < APP_CACHE_TTL_MS && nowMs >= fetchedAtMs;
  const forget = (appId: string) => {
    known.delete(appId);
    unknownSinceMs.delete(appId);
  };
  return {
    ...apps,
    async findApp(appId) {
      const nowMs = clock.now();
      const hit = known.get(appId);
      if (hit !== undefined && isFresh(hit.fetchedAtMs, nowMs)) return hit.app;
      const missSinceMs = unknownSinceMs.get(appId);
      if (missSinceMs !== undefined && isFresh(missSinceMs, nowMs)) return null;
      const app = await apps.findApp(appId);
      forget(appId);
      if (app !== null) {
        known.set(appId, { app, fetchedAtMs: nowMs });
        return app;
      }
      for (const [oldestId, sinceMs] of unknownSinceMs) {
        if (isFresh(sinceMs, nowMs) && unknownSinceMs.size < maxUnknownAppIds) break;
        unknownSinceMs.delete(oldestId);
      }
      unknownSinceMs.set(appId, nowMs);
      return null;
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
    countCached: () => ({ known: known.size, unknown: unknownSinceMs.size }),
  };
}
