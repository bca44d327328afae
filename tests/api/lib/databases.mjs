// Fresh databases on either engine for the API tests: a SQLite file in a new
// temporary folder, or a schema of its own in the PostgreSQL cluster that
// FASCIA_TEST_PG names (scripts/test.sh starts one). Without FASCIA_TEST_PG
// the PostgreSQL cases are skipped, saying why.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { freshDbDir, freshSchema, psql } from './server.mjs';

export const PG_URL = process.env.FASCIA_TEST_PG ?? '';
export const PG_SKIP = PG_URL ? false : 'FASCIA_TEST_PG is not set, so there is no PostgreSQL to test against (scripts/test.sh starts one)';
export const ENGINES = ['sqlite', 'postgresql'];

// { db: the --db text, cleanup(), integrity(): 'ok' or what is wrong }.
export function freshDatabase(engine) {
  if (engine === 'sqlite') {
    const dir = freshDbDir();
    const db = path.join(dir, 'f.db');
    return {
      db,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
      integrity: () => {
        const r = spawnSync('sqlite3', [db, 'PRAGMA integrity_check'], { encoding: 'utf8' });
        return r.status === 0 ? r.stdout.trim() : r.stderr;
      },
    };
  }
  const { schema, db } = freshSchema(PG_URL, 'api');
  return {
    db,
    schema,
    cleanup: () => psql(PG_URL, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
    // amcheck: every B-tree index of the schema agrees with its table, every row found through it.
    integrity: () => {
      psql(PG_URL, 'CREATE EXTENSION IF NOT EXISTS amcheck');
      const failures = psql(
        PG_URL,
        `SELECT count(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid ` +
          `JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = '${schema}'::regnamespace) AS checked`,
      );
      return Number(failures) > 0 ? 'ok' : `no indexes checked in ${schema}`;
    },
  };
}
