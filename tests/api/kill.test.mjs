// Durability, on SQLite and on PostgreSQL: a burst of concurrent journal
// writes, the server SIGKILLed in the middle of it, restarted on the same
// database — FASCIA_KILL_CYCLES times (50 unless told). After every cycle
// every write that was answered 201 must be there, nothing must be there
// twice or that was never sent, and the engine's integrity check must pass
// (SQLite's integrity_check; PostgreSQL's amcheck over every index).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TODAY, ENGINE } from './lib/server.mjs';
import { tokenLogin, closeConnections } from './lib/client.mjs';
import { ENGINES, PG_SKIP, freshDatabase } from './lib/databases.mjs';

const CYCLES = Number(process.env.FASCIA_KILL_CYCLES ?? 50);
const CLIENTS = 8;
const WRITES_PER_CYCLE = 60;
const KILL_AFTER_ACKS = 20;

function daysBefore(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

// Write i: a distinct date, a score derived from i, so each is identifiable.
const writeOf = (i) => ({ date: daysBefore(TODAY, i), region: 'upper-trapezius', side: 'both', score: i % 11 });

// One burst: writes from `first` on until the server is killed after
// KILL_AFTER_ACKS acknowledgements; adds to `sent` and `acked`.
async function burstAndKill(server, api, first, sent, acked) {
  let next = first;
  const last = first + WRITES_PER_CYCLE;
  let ackedHere = 0;
  let killed = false;
  async function client() {
    while (next < last) {
      const i = next++;
      sent.add(i);
      let r;
      try {
        r = await api.request('POST', '/api/v1/journal/pain', { json: writeOf(i), allow503: true });
      } catch (e) {
        if (!killed) throw e; // a failure before the kill is a real failure
        return;
      }
      if (r.status === 201) {
        acked.add(i);
        ackedHere++;
      } else assert.equal(r.status, 503, `write ${i}: ${r.status} ${r.text}`);
      if (!killed && ackedHere >= KILL_AFTER_ACKS) {
        killed = true;
        server.proc.kill('SIGKILL');
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const exit = await server.exited;
  assert.ok(killed, `the burst ended before the kill (${ackedHere} acknowledged)`);
  assert.equal(exit.signal, 'SIGKILL', 'the server was not killed by the signal');
  closeConnections();
  return last;
}

// Every acknowledged write is there once, and nothing that was never sent.
async function verify(api, sent, acked, cycle) {
  const journal = await api.expect(200, 'GET', '/api/v1/journal');
  const byDate = new Map();
  for (const p of journal.pain) {
    assert.ok(!byDate.has(p.date), `cycle ${cycle}: the write for ${p.date} is there twice`);
    byDate.set(p.date, p);
  }
  const missing = [];
  for (const i of acked) {
    const w = writeOf(i);
    const got = byDate.get(w.date);
    if (!got || got.score !== w.score || got.region !== w.region || got.side !== w.side) missing.push(i);
  }
  assert.deepEqual(missing, [], `cycle ${cycle}: ${missing.length} of ${acked.size} acknowledged writes were lost`);
  const sentDates = new Set([...sent].map((i) => writeOf(i).date));
  for (const p of journal.pain) assert.ok(sentDates.has(p.date), `cycle ${cycle}: an entry for ${p.date} was never sent`);
  return journal.pain.length;
}

for (const engine of ENGINES) {
  describe(`a server on ${engine} killed in the middle of a write burst, ${CYCLES} times`, { skip: (engine === 'postgresql' && PG_SKIP) || (ENGINE !== 'sqlite' && 'runs on both engines in the SQLite pass already') }, () => {
    let database;
    let server;
    after(async () => {
      closeConnections();
      await server?.kill();
      database?.cleanup();
    });

    it('keeps every acknowledged write, and the database passes its integrity check each time', async () => {
      database = freshDatabase(engine);
      const sent = new Set();
      const acked = new Set();
      let next = 0;
      let stored = 0;
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        server = await startServer({ db: database.db });
        const { api } = await tokenLogin(server);
        if (cycle > 1) stored = await verify(api, sent, acked, cycle - 1);
        next = await burstAndKill(server, api, next, sent, acked);
        assert.equal(database.integrity(), 'ok', `cycle ${cycle}: integrity check`);
      }
      server = await startServer({ db: database.db });
      const { api } = await tokenLogin(server);
      stored = await verify(api, sent, acked, CYCLES);
      // The restarted server takes writes again.
      await api.expect(201, 'POST', '/api/v1/journal/pain', { json: { region: 'upper-trapezius', score: 1 } });
      await server.stop();
      closeConnections();
      assert.equal(database.integrity(), 'ok');
      console.log(`# kill test on ${engine}: ${CYCLES} cycles, ${sent.size} sent, ${acked.size} acknowledged, ${stored} stored`);
    });
  });
}
