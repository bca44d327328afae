// Login rate limiting: after 5 failed attempts for one name, or from one
// client address, within 5 minutes, logins answer 429 with Retry-After, even
// with the right password. Clients are told apart by sending from different
// loopback addresses (127.0.0.x).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, freshDbDir } from './lib/server.mjs';
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
    const db = path.join(dir, 'f.db');
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

  it('after 5 failed attempts from one address (any names) that address gets 429, other addresses do not', async () => {
    const attacker = from(server, '127.0.0.30');
    for (let i = 0; i < 5; ++i) {
      const r = await attacker.post('/api/v1/login', { name: `someone-${i}`, password: 'wrong-password' });
      assert.equal(r.status, 401, `attempt ${i + 1}: ${r.text}`);
    }
    assertRateLimited(await attacker.post('/api/v1/login', { name: 'erin', password: 'erin-password-333' }), 'erin from the blocked address');
    const elsewhere = await from(server, '127.0.0.31').post('/api/v1/login', { name: 'erin', password: 'erin-password-333' });
    assert.equal(elsewhere.status, 200, elsewhere.text);
  });
});
