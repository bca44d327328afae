// Starting and stopping the real `fascia serve` on a fresh database, and
// creating accounts with `fascia user add`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FASCIA_BIN = path.resolve(path.join(here, '..'), process.env.FASCIA_BIN ?? '../../build/default/fascia');
export const TODAY = '2026-11-23';

export function freshDbDir() {
  return mkdtempSync(path.join(tmpdir(), 'fascia-api-'));
}

// The engine the suite's servers run on: FASCIA_API_ENGINE=postgresql runs
// every test on a fresh schema of the FASCIA_TEST_PG cluster instead of a
// SQLite file (scripts/test.sh runs the suite both ways).
export const ENGINE = process.env.FASCIA_API_ENGINE ?? 'sqlite';

const PSQL = ['/usr/lib/postgresql/15/bin/psql', '/usr/bin/psql'].find((p) => existsSync(p)) ?? 'psql';

// Runs SQL through psql on a PostgreSQL URL (the test cluster's superuser);
// returns the rows' text.
export function psql(url, query) {
  const r = spawnSync(PSQL, [url, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr || r.error}`);
  return r.stdout.trim();
}

let schemas = 0;

// A new, empty schema in the cluster at `url`: { schema, db }, where db is
// the --db text whose connections use it (libpq's options=-csearch_path).
export function freshSchema(url, prefix) {
  const schema = `${prefix}_${process.pid}_${++schemas}`;
  psql(url, `CREATE SCHEMA ${schema}`);
  return { schema, db: `${url}${url.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}` };
}

// The --db of a fresh database: a file in `dir`, or a new PostgreSQL schema
// (left to the throw-away cluster).
export function databaseIn(dir) {
  if (ENGINE !== 'postgresql') return path.join(dir, 'f.db');
  const url = process.env.FASCIA_TEST_PG;
  if (!url) throw new Error('FASCIA_API_ENGINE=postgresql needs FASCIA_TEST_PG (scripts/test.sh starts a cluster)');
  return freshSchema(url, 'suite').db;
}

// Runs SQL on a test database of either engine (sqlite3 or psql); its output.
export function sql(db, query) {
  if (db.startsWith('postgresql://')) return psql(db, query);
  const r = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${query}: ${r.stderr || r.error}`);
  return r.stdout;
}

// Skips a test about the SQLite file itself (its permissions, its locks)
// when the suite runs on PostgreSQL.
export const SQLITE_ONLY = ENGINE !== 'sqlite' && 'about the SQLite file itself: the suite runs on PostgreSQL';

// Creates an account; the first one made in a database is person 1. With
// `role` ('practitioner' or 'admin') and `clinic`, a clinic's member.
export function addUser(db, name, password, { role, clinic } = {}) {
  const member = role ? ['--role', role, '--clinic', String(clinic)] : [];
  const r = spawnSync(FASCIA_BIN, ['user', 'add', name, '--db', db, '--password-stdin', ...member], {
    input: `${password}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0)
    throw new Error(`fascia user add ${name} exited ${r.status}: ${r.stderr}${r.stdout}${r.error ?? ''}`);
  return r.stdout;
}

// Creates a clinic with `fascia clinic add`; its id.
export function addClinic(db, name) {
  const r = spawnSync(FASCIA_BIN, ['--db', db, '--json', 'clinic', 'add', name], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`fascia clinic add ${name} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout).id;
}

// Runs the CLI on a database (e.g. to compare `fascia today --json` with the API).
export function cli(db, args) {
  const r = spawnSync(FASCIA_BIN, ['--db', db, '--today', TODAY, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LINK = /http:\/\/127\.0\.0\.1:(\d+)\/login\?token=([^\s"'<>]+)/;

// Starts `fascia serve --port 0 --db DB --today 2026-11-23` and waits for the
// login link on stdout. `db` defaults to a fresh file in a new temp dir.
// `bin`, `args` (added after the others) and `runAs` (a user to run as,
// through runuser) start another copy of fascia another way.
export async function startServer({ db, dir, bin = FASCIA_BIN, args = [], runAs } = {}) {
  if (!existsSync(bin)) throw new Error(`no fascia binary at ${bin} (set FASCIA_BIN)`);
  if (!db) {
    dir = freshDbDir();
    db = databaseIn(dir);
  }
  const command = [bin, 'serve', '--port', '0', '--db', db, '--today', TODAY, ...args];
  const [file, ...rest] = runAs ? ['runuser', '-u', runAs, '--', ...command] : command;
  const proc = spawn(file, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const link = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fascia serve printed no login link in 30 s\nstdout: ${stdout}\nstderr: ${stderr}`)), 30_000);
    proc.stdout.on('data', (d) => {
      stdout += d;
      const m = LINK.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), token: m[2] });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`fascia serve exited (${code ?? signal}) before printing a login link\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  const server = {
    proc,
    db,
    dir,
    port: link.port,
    token: link.token,
    base: `http://127.0.0.1:${link.port}`,
    exited,
    stderr: () => stderr,
    // SIGTERM, then SIGKILL after 5 s.
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      const r = await exited;
      clearTimeout(timer);
      return r;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      return exited;
    },
    cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
