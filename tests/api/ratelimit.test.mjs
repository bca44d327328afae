// Login rate limiting (ADR 0012): attempts are counted before the password
// is checked, in the database. After 5 attempts at one name within 5
// minutes, browsers that never signed in to it answer 429 with Retry-After,
// even with the right password — but a browser that did (its device cookie)
// still signs in; after 20 from one client address, that address waits. A
// burst of concurrent guesses gets no more real checks than the limit, and a
// restart keeps both the counts and the people signed in. Clients are told
// apart by sending from different loopback addresses (127.0.0.x).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer, addUser, freshDbDir, databaseIn } from './lib/server.mjs';
import { Api, parseSetCookie, stopServerAfter } from './lib/client.mjs';

function from(server, address) {
  return new Api(server.base, undefined, { localAddress: address });
}

function assertRateLimited(r, what) {
  assert.equal(r.status, 429, `${what}: expected 429, got ${r.status} ${r.text}`);
  assert.equal(r.body.error.code, 'rate_limited');
  const wait = r.headers['retry-after'];
  assert.match(String(wait), /^\d+$/, `${what}: Retry-After '${wait}' is not a number of seconds`);
  assert.ok(Number(wait) >= 1 && Number(wait) <= 300, `${what}: Retry-After ${wait} is not within the 5-minute window`);
  assert.equal(parseSetCookie(r.headers, 'fascia_session'), undefined, `${what}: a cookie was set`);
}

describe('login rate limiting', () => {
  let server;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'carol', 'carol-password-1');
    addUser(db, 'dave', 'dave-password-22');
    addUser(db, 'erin', 'erin-password-333');
    server = await startServer({ db, dir });
  });
  stopServerAfter(() => server);

  it('after 5 failed attempts for one name (from different addresses) the 6th is 429, even with the right password', async () => {
    for (let i = 0; i < 5; ++i) {
      const r = await from(server, `127.0.0.${10 + i}`).post('/api/v1/login', { name: 'carol', password: `guess-${i}` });
      assert.equal(r.status, 401, `attempt ${i + 1}: ${r.text}`);
      assert.equal(r.body.error.code, 'bad_credentials');
    }
    assertRateLimited(await from(server, '127.0.0.20').post('/api/v1/login', { name: 'carol', password: 'carol-password-1' }), 'carol, right password');
    assertRateLimited(await from(server, '127.0.0.21').post('/api/v1/login', { name: 'carol', password: 'guess-6' }), 'carol, wrong password');
    // Another name from a fresh address is not affected.
    const ok = await from(server, '127.0.0.22').post('/api/v1/login', { name: 'dave', password: 'dave-password-22' });
    assert.equal(ok.status, 200, ok.text);
  });

  it('after 20 failed attempts from one address (any names) that address gets 429, other addresses do not', async () => {
    const attacker = from(server, '127.0.0.30');
    for (let i = 0; i < 20; ++i) {
      const r = await attacker.post('/api/v1/login', { name: `someone-${i}`, password: 'wrong-password' });
      assert.equal(r.status, 401, `attempt ${i + 1}: ${r.text}`);
    }
    assertRateLimited(await attacker.post('/api/v1/login', { name: 'erin', password: 'erin-password-333' }), 'erin from the blocked address');
    const elsewhere = await from(server, '127.0.0.31').post('/api/v1/login', { name: 'erin', password: 'erin-password-333' });
    assert.equal(elsewhere.status, 200, elsewhere.text);
  });

  it('a name locked out by strangers still signs in from a browser that signed in to it before', async () => {
    const owner = from(server, '127.0.0.40');
    const first = await owner.post('/api/v1/login', { name: 'dave', password: 'dave-password-22' });
    assert.equal(first.status, 200, first.text);
    const device = parseSetCookie(first.headers, 'fascia_device');
    assert.ok(device, 'a device cookie is set on a successful login');
    for (let i = 0; i < 6; ++i) await from(server, `127.0.0.${50 + i}`).post('/api/v1/login', { name: 'dave', password: `guess-${i}` });
    assertRateLimited(await from(server, '127.0.0.60').post('/api/v1/login', { name: 'dave', password: 'dave-password-22' }), 'dave from a new browser');
    const known = new Api(server.base, undefined, { localAddress: '127.0.0.40' });
    const again = await known.request('POST', '/api/v1/login', {
      json: { name: 'dave', password: 'dave-password-22' },
      headers: { Cookie: `fascia_device=${device.value}` },
    });
    assert.equal(again.status, 200, `the owner's browser: ${again.text}`);
    // A device cookie of another account does not help.
    const other = await from(server, '127.0.0.61').request('POST', '/api/v1/login', {
      json: { name: 'carol', password: 'carol-password-1' },
      headers: { Cookie: `fascia_device=${device.value}` },
    });
    assert.equal(other.status, 429, other.text);
  });
});

describe('login attempts under load and across restarts', () => {
  it('32 concurrent wrong passwords for one name get 5 real checks; the rest 429; memory stays bounded', async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'frank', 'frank-password-1');
    const server = await startServer({ db, dir });
    try {
      const answers = await Promise.all(
        Array.from({ length: 32 }, (_, i) => from(server, `127.0.1.${1 + i}`).post('/api/v1/login', { name: 'frank', password: `guess-${i}` })),
      );
      const statuses = answers.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 27, statuses.join(' '));
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.proc.pid}/status`, 'utf8'))[1]) / 1024;
      // Two hashes at a time, 64 MiB each, plus the server itself.
      assert.ok(hwm < 400, `peak memory ${hwm.toFixed(0)} MiB`);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });

  it('200 guesses at 200 names from 13 addresses: a sign-in is never refused for a busy database, and the owner gets in by retrying', async () => {
    // Under the per-address limit (20), so the limiter lets them all hash:
    // past a short queue for the two hashing slots they are answered 503 at
    // once, and the counting writes queue in the process instead of timing
    // out in SQLite's busy handler.
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'hana', 'hana-password-1');
    const server = await startServer({ db, dir });
    try {
      const burst = Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          from(server, `127.0.${20 + Math.floor(i / 16)}.${1 + (i % 16)}`).request('POST', '/api/v1/login', {
            json: { name: `user${i}`, password: 'wrong-password' },
            allow503: true,
          })),
      );
      let owner;
      let tries = 0;
      for (; tries < 10; ++tries) {
        owner = await from(server, '127.0.9.1').request('POST', '/api/v1/login', {
          json: { name: 'hana', password: 'hana-password-1' },
          allow503: true,
        });
        if (owner.status !== 503) break;
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(owner.headers['retry-after'])));
      }
      assert.equal(owner.status, 200, `the owner after ${tries + 1} tries: ${owner.text}`);
      const answers = await burst;
      for (const r of answers) {
        assert.ok([401, 503].includes(r.status), `${r.status} ${r.text}`);
        if (r.status !== 503) continue;
        assert.equal(r.body.error.code, 'db_busy');
        assert.match(r.body.error.message, /too many passwords/, 'refused because the database was busy');
        assert.equal(r.headers['retry-after'], '1');
      }
      assert.ok(answers.some((r) => r.status === 401), 'some guesses were checked');
    } finally {
      await server.stop();
      server.cleanup();
    }
  });

  it('a restart keeps the count: the sixth attempt after a restart is still 429', async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'gina', 'gina-password-1');
    let server = await startServer({ db, dir });
    for (let i = 0; i < 5; ++i) await from(server, '127.0.0.70').post('/api/v1/login', { name: 'gina', password: `guess-${i}` });
    await server.stop();
    server = await startServer({ db, dir });
    try {
      assertRateLimited(await from(server, '127.0.0.71').post('/api/v1/login', { name: 'gina', password: 'gina-password-1' }), 'after a restart');
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
