// A PostgreSQL restart under a running server (a clinic's database server
// being updated): while it is down, requests and the health probe answer 503
// db_busy with Retry-After (never a 500 naming the database); once it is
// back, the very next request works, without restarting fascia. Runs on a
// cluster of its own, so stopping it disturbs no other test.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ENGINE } from './lib/server.mjs';
import { tokenLogin, closeConnections, Api } from './lib/client.mjs';
import { PG_SKIP } from './lib/databases.mjs';

const CLUSTER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/pg-cluster.sh');

function cluster(command, dir) {
  const r = spawnSync('bash', [CLUSTER, command, dir], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`pg-cluster.sh ${command}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('PostgreSQL restarted under a running server', { skip: PG_SKIP || (ENGINE !== 'sqlite' && 'runs once, in the SQLite pass') }, () => {
  const dir = mkdtempSync('/tmp/fascia-outage-'); // short: the socket path is limited
  let server;
  after(async () => {
    closeConnections();
    await server?.stop();
    try {
      cluster('stop', dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 with Retry-After while it is down, and the next request after it is back works', async () => {
    const url = cluster('start', dir);
    server = await startServer({ db: url });
    const { api } = await tokenLogin(server);
    const anyone = new Api(server.base);
    await anyone.expect(200, 'GET', '/api/v1/health');
    await api.expect(201, 'POST', '/api/v1/journal/note', { json: { text: 'before' } });

    cluster('stop', dir);
    const health = await anyone.request('GET', '/api/v1/health', { allow503: true });
    assert.equal(health.status, 503);
    assert.equal(health.body.error.code, 'db_busy');
    assert.equal(health.headers['retry-after'], '1');
    const write = await api.request('POST', '/api/v1/journal/note', { json: { text: 'during' }, allow503: true });
    assert.equal(write.status, 503);
    assert.ok(!write.text.includes(dir), 'the answer names where the database is');

    cluster('start', dir);
    await anyone.expect(200, 'GET', '/api/v1/health');
    await api.expect(201, 'POST', '/api/v1/journal/note', { json: { text: 'after' } });
    const journal = await api.expect(200, 'GET', '/api/v1/journal');
    assert.deepEqual(journal.notes.map((n) => n.text), ['before', 'after']);
  });
});
