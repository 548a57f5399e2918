import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database a test suite runs against: a fresh SQLite file, or a fresh PostgreSQL schema. */
export type TestDatabase = {
  readonly kind: 'sqlite' | 'postgres';
  /** Makes an empty database; `dispose` removes it. */
  create(): Promise<{ url: string; pgSchema?: string; dataDir: string; dispose(): Promise<void> }>;
};

const POSTGRES_URL = process.env.KASSA_TEST_DATABASE_URL;
let skipNoticePrinted = false;

/** SQLite always; PostgreSQL too when `KASSA_TEST_DATABASE_URL` is set (CI sets it). */
export function testDatabases(): TestDatabase[] {
  const sqlite: TestDatabase = {
    kind: 'sqlite',
    async create() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-test-'));
      return {
        url: path.join(dataDir, 'kassa.sqlite'),
        dataDir,
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  };
  if (POSTGRES_URL === undefined || POSTGRES_URL === '') {
    if (!skipNoticePrinted) {
      skipNoticePrinted = true;
      console.info('PostgreSQL suites skipped: set KASSA_TEST_DATABASE_URL to run them');
    }
    return [sqlite];
  }
  const postgres: TestDatabase = {
    kind: 'postgres',
    async create() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-test-'));
      const schema = `kassa_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      return {
        url: POSTGRES_URL,
        pgSchema: schema,
        dataDir,
        dispose: async () => {
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
  return [sqlite, postgres];
}
