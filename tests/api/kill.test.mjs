// Durability: a burst of concurrent journal writes, the server SIGKILLed in
// the middle of it, restarted on the same database. Every write that was
// answered 201 must be there, nothing must be there twice or that was never
// sent, and SQLite's integrity check must pass.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, TODAY } from './lib/server.mjs';
import { tokenLogin, closeConnections } from './lib/client.mjs';

const CLIENTS = 8;
const WRITES = 400;
const KILL_AFTER_ACKS = 120;

function daysBefore(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

// Write i: a distinct date, a score derived from i, so each is identifiable.
const writeOf = (i) => ({ date: daysBefore(TODAY, i), region: 'upper-trapezius', side: 'both', score: i % 11 });

describe('a server killed in the middle of a write burst', () => {
  let server;
  let restarted;
  after(async () => {
    closeConnections();
    await server?.kill();
    await restarted?.stop();
    server?.cleanup();
  });

  it('keeps every acknowledged write, and the database passes integrity_check', async () => {
    server = await startServer();
    const { api } = await tokenLogin(server);
    const acked = new Set();
    const sent = new Set();
    let next = 0;
    let killed = false;
    let sentAtKill = 0;
    let errorsAfterKill = 0;

    async function client() {
      while (next < WRITES) {
        const i = next++;
        sent.add(i);
        let r;
        try {
          r = await api.request('POST', '/api/v1/journal/pain', { json: writeOf(i), allow503: true });
        } catch (e) {
          if (!killed) throw e; // a failure before the kill is a real failure
          errorsAfterKill++;
          return;
        }
        if (r.status === 201) acked.add(i);
        else assert.equal(r.status, 503, `write ${i}: ${r.status} ${r.text}`);
        if (!killed && acked.size >= KILL_AFTER_ACKS) {
          killed = true;
          sentAtKill = sent.size;
          server.proc.kill('SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const exit = await server.exited;
    assert.ok(killed, `the burst ended before the kill (${acked.size} acknowledged)`);
    assert.equal(exit.signal, 'SIGKILL', 'the server was not killed by the signal');
    assert.ok(sentAtKill < WRITES, 'the kill came after the last write was sent');
    assert.ok(acked.size >= KILL_AFTER_ACKS);

    closeConnections();
    restarted = await startServer({ db: server.db });
    const { api: again } = await tokenLogin(restarted);
    const journal = await again.expect(200, 'GET', '/api/v1/journal');
    const byDate = new Map();
    for (const p of journal.pain) {
      assert.ok(!byDate.has(p.date), `write for ${p.date} is there twice`);
      byDate.set(p.date, p);
    }
    const missing = [];
    for (const i of acked) {
      const w = writeOf(i);
      const got = byDate.get(w.date);
      if (!got || got.score !== w.score || got.region !== w.region || got.side !== w.side) missing.push(i);
    }
    assert.deepEqual(missing, [], `${missing.length} of ${acked.size} acknowledged writes were lost`);
    const sentDates = new Set([...sent].map((i) => writeOf(i).date));
    for (const p of journal.pain) assert.ok(sentDates.has(p.date), `an entry for ${p.date} was never sent`);
    assert.ok(journal.pain.length <= sent.size);
    // The restarted server takes writes again.
    await again.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 1 } });
    await restarted.stop();

    const check = spawnSync('sqlite3', [server.db, 'PRAGMA integrity_check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stdout.trim(), 'ok');
    console.log(`# kill test: ${sent.size} sent, ${acked.size} acknowledged, ${journal.pain.length} stored, ${errorsAfterKill} cut off by the kill`);
  });
});
