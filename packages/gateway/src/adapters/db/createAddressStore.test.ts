// Risk: two orders handed the same deposit address (funds credited to the wrong order), under concurrency, across processes or restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createAddressStore } from './createAddressStore.ts';
import { createDb } from './createDb.ts';

describe.each(testDatabases())('createAddressStore ($kind)', (database) => {
  let t: TestStore;
  afterEach(async () => t.dispose());

  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('counts 0, 1, 2, … per xpub, each xpub on its own', async () => {
    t = await openTestStore(database);
    const { addresses } = t.store;
    expect([
      await addresses.allocateIndex('a'),
      await addresses.allocateIndex('a'),
      await addresses.allocateIndex('a'),
    ]).toEqual([0, 1, 2]);
    expect(await addresses.allocateIndex('b')).toBe(0);
    expect(await addresses.allocateIndex('a')).toBe(3);
  });

  it('never gives the same index twice to 200 concurrent callers', async () => {
    t = await openTestStore(database);
    const indexes = await Promise.all(range(200).map(() => t.store.addresses.allocateIndex('x')));
    expect([...indexes].sort((a, b) => a - b)).toEqual(range(200));
  });

  it('never gives the same index twice to two processes (two separate connection pools)', async () => {
    t = await openTestStore(database);
    const other = createDb({ url: t.url, ...(t.pgSchema === undefined ? {} : { pgSchema: t.pgSchema }) });
    try {
      const second = createAddressStore(other.db);
      const calls = range(200).map((i) => (i % 2 === 0 ? t.store.addresses : second).allocateIndex('x'));
      const indexes = await Promise.all(calls);
      expect([...indexes].sort((a, b) => a - b)).toEqual(range(200));
    } finally {
      await other.close();
    }
  });

  it('continues after a restart instead of starting over', async () => {
    t = await openTestStore(database);
    for (const expected of [0, 1, 2]) expect(await t.store.addresses.allocateIndex('x')).toBe(expected);
    // A restart: a fresh connection that knows nothing but what the database holds.
    const reopened = createDb({ url: t.url, ...(t.pgSchema === undefined ? {} : { pgSchema: t.pgSchema }) });
    try {
      expect(await createAddressStore(reopened.db).allocateIndex('x')).toBe(3);
    } finally {
      await reopened.close();
    }
  });
});
