// Risk: two orders handed the same deposit address (funds credited to the wrong order), under concurrency, across processes or restarts.
import { describe, expect } from 'vitest';
import { databaseTest as it } from '../../../test/support/databaseTest.ts';
import { reconnectTestStore } from '../../../test/support/reconnectTestStore.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createAddressStore } from './createAddressStore.ts';

describe.each(testDatabases())('createAddressStore ($kind)', (database) => {
  it.override({ database });

  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('counts 0, 1, 2, … per xpub, each xpub on its own', async ({ t }) => {
    const { addresses } = t.store;
    expect([
      await addresses.allocateIndex('a'),
      await addresses.allocateIndex('a'),
      await addresses.allocateIndex('a'),
    ]).toEqual([0, 1, 2]);
    expect(await addresses.allocateIndex('b')).toBe(0);
    expect(await addresses.allocateIndex('a')).toBe(3);
  });

  it('never gives the same index twice to 200 concurrent callers', async ({ t }) => {
    const indexes = await Promise.all(range(200).map(() => t.store.addresses.allocateIndex('x')));
    expect([...indexes].sort((a, b) => a - b)).toEqual(range(200));
  });

  it('never gives the same index twice to two processes (two separate connection pools)', async ({ t }) => {
    const other = reconnectTestStore(t);
    try {
      const second = createAddressStore(other.db);
      const calls = range(200).map((i) => (i % 2 === 0 ? t.store.addresses : second).allocateIndex('x'));
      const indexes = await Promise.all(calls);
      expect([...indexes].sort((a, b) => a - b)).toEqual(range(200));
    } finally {
      await other.close();
    }
  });

  it('continues after a restart instead of starting over', async ({ t }) => {
    for (const expected of [0, 1, 2]) expect(await t.store.addresses.allocateIndex('x')).toBe(expected);
    // A restart: a fresh connection that knows nothing but what the database holds.
    const reopened = reconnectTestStore(t);
    try {
      expect(await createAddressStore(reopened.db).allocateIndex('x')).toBe(3);
    } finally {
      await reopened.close();
    }
  });
});
