// Issue 8, point 8, over HTTP: a journal the server may not write (a backup on
// read-only media, another account's file) can still be read; every write is
// a 503 that names the read-only file or folder, and the file is unchanged.
// As root (CI), the server runs as 'nobody' through runuser, since root ignores
// file permissions; a copy of the binary and the knowledge base goes into a
// folder 'nobody' can enter. Otherwise the test removes its own write access.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, freshDbDir, FASCIA_BIN, SQLITE_ONLY } from './lib/server.mjs';
import { tokenLogin, stopServerAfter } from './lib/client.mjs';
import { setUpPerson, journalOf, expectRefused } from './lib/flows.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const asRoot = process.getuid() === 0;
const canDrop = !asRoot || spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

describe('a read-only journal over HTTP', { skip: SQLITE_ONLY || (!canDrop && 'root without runuser: cannot test file permissions') }, () => {
  let dir;
  let db;
  let server;
  let api;
  let before_;
  let bytes;

  before(async () => {
    dir = freshDbDir();
    db = path.join(dir, 'f.db');
    // Fill the journal with a writable server first.
    const writer = await startServer({ db }); // no dir: stopping it leaves the folder
    try {
      const { api: w } = await tokenLogin(writer);
      await setUpPerson(w);
      await w.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 5 } });
      before_ = await journalOf(w);
    } finally {
      await writer.stop();
    }
    // A copy of fascia and its knowledge base that 'nobody' can run.
    const bin = path.join(dir, 'fascia');
    const data = path.join(dir, 'data');
    const web = path.join(dir, 'no-web');
    copyFileSync(FASCIA_BIN, bin);
    cpSync(path.resolve(here, '../../data'), data, { recursive: true });
    mkdirSync(web);
    chmodSync(dir, 0o755);
    chmodSync(db, asRoot ? 0o644 : 0o444); // 'nobody' may read but not write
    if (!asRoot) chmodSync(dir, 0o555);
    bytes = readFileSync(db);
    server = await startServer({ db, bin, args: ['--data', data, '--web', web], runAs: asRoot ? 'nobody' : undefined });
    ({ api } = await tokenLogin(server));
  });
  stopServerAfter(() => server);
  after(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads work: the journal, today, the plan and progress', async () => {
    assert.deepEqual(await journalOf(api), before_);
    for (const p of ['/api/v1/today', '/api/v1/plan', '/api/v1/progress', '/api/v1/profile', '/api/v1/screening'])
      await api.expect(200, 'GET', p);
  });

  it('a write is a 503 read_only naming the file or folder, and the file is unchanged', async () => {
    const err = await expectRefused(api, {
      path: '/api/v1/journal/pain',
      json: { region: 'upper-trapezius', score: 3 },
      status: 503,
      code: 'read_only',
    });
    assert.match(err.message, /read-only/);
    assert.ok(err.message.includes(db) || err.message.includes(dir), err.message);
    const note = await api.request('POST', '/api/v1/journal/note', { json: { text: 'kept?' }, allow503: true });
    assert.equal(note.status, 503, note.text);
    assert.equal(note.headers['retry-after'], undefined, 'retrying will not help: no Retry-After');
    assert.deepEqual(readFileSync(db), bytes);
  });
});
