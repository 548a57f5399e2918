// Risk: random Appids from anyone filling the app cache without bound, or flushing real apps out of it so every merchant request reads and decrypts again.
import { afterEach, describe, expect, it } from 'vitest';
import { insertTestApp, TEST_APP_ID } from '../../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import type { AppStore } from '../../core/ports.ts';
import { APP_CACHE_TTL_MS, createCachedAppLookup, MAX_UNKNOWN_APP_IDS } from './createCachedAppLookup.ts';

describe.each(testDatabases())('createCachedAppLookup ($kind)', (database) => {
  let t: TestStore;
  afterEach(async () => t.dispose());

  let nowMs = Date.UTC(2026, 10, 20, 12, 0, 0);
  const clock = { now: () => nowMs };

  /** The real app store, noting which ids reached the database. */
  const openCountedApps = async () => {
    t = await openTestStore(database);
    await insertTestApp(t.store, nowMs);
    const reads: string[] = [];
    const apps: AppStore = {
      ...t.store.apps,
      findApp: (appId) => {
        reads.push(appId);
        return t.store.apps.findApp(appId);
      },
    };
    return { apps, reads };
  };
  /** Looks up `count` distinct unknown ids, a hundred at a time. */
  const lookUpUnknownIds = async (lookup: AppStore, count: number, prefix: string) => {
    for (let from = 0; from < count; from += 100) {
      const batch = Array.from({ length: Math.min(100, count - from) }, (_, i) => `${prefix}-${from + i}`);
      expect(await Promise.all(batch.map((id) => lookup.findApp(id)))).toEqual(batch.map(() => null));
    }
  };

  it('remembers at most MAX_UNKNOWN_APP_IDS unknown ids after many more distinct ones', async () => {
    const { apps } = await openCountedApps();
    const lookup = createCachedAppLookup(apps, clock);
    await lookUpUnknownIds(lookup, MAX_UNKNOWN_APP_IDS + 500, 'bogus');
    expect(lookup.countCached().unknown).toBe(MAX_UNKNOWN_APP_IDS);
  });

  it('keeps a known app cached through a flood of 10,500 unknown ids', async () => {
    const { apps, reads } = await openCountedApps();
    const lookup = createCachedAppLookup(apps, clock);
    expect((await lookup.findApp(TEST_APP_ID))?.appId).toBe(TEST_APP_ID);
    await lookUpUnknownIds(lookup, 10_500, 'flood');
    expect((await lookup.findApp(TEST_APP_ID))?.appId).toBe(TEST_APP_ID);
    expect(reads.filter((id) => id === TEST_APP_ID)).toHaveLength(1);
    expect(lookup.countCached()).toEqual({ known: 1, unknown: MAX_UNKNOWN_APP_IDS });
  });

  it('answers a repeated unknown id from memory within the TTL, and asks the database again after it', async () => {
    const { apps, reads } = await openCountedApps();
    const lookup = createCachedAppLookup(apps, clock);
    expect(await lookup.findApp('wrong-id')).toBeNull();
    nowMs += APP_CACHE_TTL_MS - 1;
    expect(await lookup.findApp('wrong-id')).toBeNull();
    expect(reads).toEqual(['wrong-id']);
    nowMs += 1;
    expect(await lookup.findApp('wrong-id')).toBeNull();
    expect(reads).toEqual(['wrong-id', 'wrong-id']);
  });

  it('drops unknown ids older than the TTL as soon as a new one comes, however few there are', async () => {
    const { apps } = await openCountedApps();
    const lookup = createCachedAppLookup(apps, clock);
    await lookUpUnknownIds(lookup, 50, 'old');
    nowMs += APP_CACHE_TTL_MS;
    expect(await lookup.findApp('new')).toBeNull();
    expect(lookup.countCached().unknown).toBe(1);
  });

  it('finds an app inserted after its id was looked up and found unknown', async () => {
    const { apps } = await openCountedApps();
    const lookup = createCachedAppLookup(apps, clock);
    expect(await lookup.findApp('app-2')).toBeNull();
    await lookup.insertApp({
      appId: 'app-2',
      name: 'Second',
      secret: 't'.repeat(32),
      webhookUrl: null,
      createdAtMs: nowMs,
    });
    expect((await lookup.findApp('app-2'))?.name).toBe('Second');
  });
});
