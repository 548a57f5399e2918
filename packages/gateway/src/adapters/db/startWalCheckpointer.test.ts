// Risk: the WAL never folded back into the database file (it grows without bound), a failing
// checkpoint going unnoticed, or a checkpointer that keeps running after the gateway closed.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from './startWalCheckpointer.ts';

const dirs: string[] = [];
const tempFile = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kassa-ckpt-'));
  dirs.push(dir);
  return path.join(dir, name);
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('startWalCheckpointer', () => {
  it('copies committed pages from the WAL into the database file while the writer stays open', async () => {
    const file = tempFile('kassa.sqlite');
    const writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0'); // only the worker checkpoints
    writer.exec('create table t (id integer primary key, body text not null)');
    const insert = writer.prepare('insert into t (body) values (?)');
    writer.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    })();
    const sizeBefore = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(400_000);

    const errors: string[] = [];
    const checkpointer = startWalCheckpointer({ file, intervalMs: 50, onError: (m) => errors.push(m) });
    expect(await waitUntil(() => statSync(file).size > sizeBefore + 400_000)).toBe(true);
    await checkpointer.stop();
    expect(errors).toEqual([]);
    expect((writer.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(2000);
    writer.close();
  });

  it('reports a checkpoint that fails, and stops when asked', async () => {
    const file = tempFile('not-a-database.sqlite');
    writeFileSync(file, 'this is not a SQLite database, just text long enough to look like a header..........');
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer({ file, intervalMs: 30, onError: (m) => errors.push(m) });
    expect(await waitUntil(() => errors.length > 0)).toBe(true);
    expect(errors[0]).toMatch(/not a database/);
    await checkpointer.stop();
  });
});
