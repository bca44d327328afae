// Logins that survive restarts (issue 9, ADR 0012): sessions live in the
// database, hashed, so a restarted server keeps people signed in; signing out
// or a new password ends them for good. Cookies are Secure when the server is
// reached beyond loopback, writes from another site's page are refused, and
// behind a trusted proxy the client's own address is the one limited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer, addUser, freshDbDir, FASCIA_BIN, databaseIn, sql } from './lib/server.mjs';
import { Api, passwordLogin, tokenLogin, parseSetCookie, rawRequest } from './lib/client.mjs';
import { journalOf } from './lib/flows.mjs';
import { validateComponent, operations } from './lib/openapi.mjs';

async function withServer(options, body) {
  const server = await startServer(options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

function freshDb(users = []) {
  const dir = freshDbDir();
  const db = databaseIn(dir);
  for (const [name, password] of users) addUser(db, name, password);
  return { dir, db };
}

describe('logins that survive restarts', () => {
  it('a restart keeps a password login and a start-up link login signed in', async () => {
    const { dir, db } = freshDb([['hana', 'hana-password-1']]);
    let cookies;
    await withServer({ db, dir }, async (server) => {
      const { api: byPassword } = await passwordLogin(server, 'hana', 'hana-password-1');
      const { api: byLink } = await tokenLogin(server);
      cookies = [byPassword.cookie, byLink.cookie];
      await byPassword.expect(201, 'POST', '/api/v1/journal/note', { json: { text: 'before the restart' } });
    });
    await withServer({ db, dir }, async (server) => {
      for (const cookie of cookies) {
        const me = await new Api(server.base, cookie).expect(200, 'GET', '/api/v1/me');
        assert.equal(me.person_id, 1);
      }
      const journal = await journalOf(new Api(server.base, cookies[0]));
      assert.ok(JSON.stringify(journal).includes('before the restart'));
    });
  });

  it('signing out ends the session for good, also after a restart', async () => {
    const { dir, db } = freshDb([['ivan', 'ivan-password-1']]);
    let cookie;
    await withServer({ db, dir }, async (server) => {
      const { api } = await passwordLogin(server, 'ivan', 'ivan-password-1');
      cookie = api.cookie;
      const out = await api.request('POST', '/api/v1/logout');
      assert.equal(out.status, 204);
      assert.equal(parseSetCookie(out.headers, 'fascia_session').attrs.get('max-age'), '0');
      assert.equal((await api.request('GET', '/api/v1/me')).status, 401);
    });
    await withServer({ db, dir }, async (server) => {
      assert.equal((await new Api(server.base, cookie).request('GET', '/api/v1/me')).status, 401);
    });
  });

  it('a new password (fascia user passwd) signs out every browser of that account, and only of it', async () => {
    const { dir, db } = freshDb([['jade', 'jade-password-1'], ['kim', 'kim-password-22']]);
    await withServer({ db, dir }, async (server) => {
      const { api: jade } = await passwordLogin(server, 'jade', 'jade-password-1');
      const { api: kim } = await passwordLogin(server, 'kim', 'kim-password-22');
      const r = spawnSync(FASCIA_BIN, ['user', 'passwd', 'jade', '--db', db, '--password-stdin'], { input: 'jade-new-password\n', encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal((await jade.request('GET', '/api/v1/me')).status, 401);
      assert.equal((await kim.request('GET', '/api/v1/me')).status, 200);
      await passwordLogin(server, 'jade', 'jade-new-password');
      const old = await new Api(server.base).post('/api/v1/login', { name: 'jade', password: 'jade-password-1' });
      assert.equal(old.status, 401);
    });
    const unknown = spawnSync(FASCIA_BIN, ['user', 'passwd', 'nobody', '--db', db, '--password-stdin'], { input: 'whatever-password\n', encoding: 'utf8' });
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /nobody/);
  });

  it('the database keeps only hashes of the session tokens', async () => {
    const { dir, db } = freshDb([['lena', 'lena-password-1']]);
    await withServer({ db, dir }, async (server) => {
      const { cookie } = await passwordLogin(server, 'lena', 'lena-password-1');
      const dump = sql(db, 'SELECT token_hash FROM login_session UNION ALL SELECT token_hash FROM login_device;');
      assert.ok(dump.trim().length > 0);
      assert.ok(!dump.includes(cookie.value), 'the cookie value is stored as it is');
    });
  });
});

describe('cookies and origins beyond loopback', () => {
  it('cookies are not Secure on a plain loopback server, and Secure when the public origin is https', async () => {
    const { dir, db } = freshDb([['mia', 'mia-password-1']]);
    await withServer({ db, dir }, async (server) => {
      const { cookie } = await passwordLogin(server, 'mia', 'mia-password-1');
      assert.equal(cookie.attrs.get('secure'), undefined, cookie.line);
    });
    await withServer({ db, dir, args: ['--public-origin', 'https://clinic.example'] }, async (server) => {
      const r = await new Api(server.base).post('/api/v1/login', { name: 'mia', password: 'mia-password-1' });
      assert.equal(r.status, 200, r.text);
      for (const name of ['fascia_session', 'fascia_device']) {
        const c = parseSetCookie(r.headers, name);
        assert.equal(c.attrs.get('secure'), true, c.line);
        assert.equal(c.attrs.get('httponly'), true, c.line);
      }
    });
  });

  it('a write from another site is refused with 403 and changes nothing; reads and same-origin writes pass', async () => {
    await withServer({}, async (server) => {
      const { api } = await tokenLogin(server);
      const before = await journalOf(api);
      const host = new URL(server.base).host;
      for (const headers of [{ Origin: 'http://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: `http://${host}.evil.example` }]) {
        const r = await api.request('POST', '/api/v1/journal/note', { json: { text: 'forged' }, headers });
        assert.equal(r.status, 403, `${JSON.stringify(headers)}: ${r.text}`);
        assert.equal(r.body.error.code, 'forbidden');
        validateComponent('Error', r.body);
      }
      assert.deepEqual(await journalOf(api), before);
      const same = await api.request('POST', '/api/v1/journal/note', { json: { text: 'mine' }, headers: { Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' } });
      assert.equal(same.status, 201, same.text);
      const read = await rawRequest(server.base, 'GET', '/api/v1/journal', { headers: { Cookie: api.cookie, Origin: 'http://evil.example' } });
      assert.equal(read.status, 200);
    });
  });

  it('every write route of the document refuses a cross-site request before anything else', async () => {
    await withServer({}, async (server) => {
      const { api } = await tokenLogin(server);
      const writes = operations.filter((op) => op.method !== 'GET');
      assert.ok(writes.length >= 10);
      for (const op of writes) {
        const pathname = op.template.replace(/\{[^}]+\}/g, '1');
        const r = await api.request(op.method, pathname, { json: {}, headers: { Origin: 'https://evil.example' } });
        assert.equal(r.status, 403, `${op.method} ${pathname}: ${r.text}`);
        assert.equal(r.body.error.code, 'forbidden');
      }
      assert.equal((await api.request('GET', '/api/v1/me')).status, 200, 'still signed in: the refused logout did nothing');
    });
  });

  it('with a public origin, only that origin may write', async () => {
    await withServer({ args: ['--public-origin', 'https://clinic.example'] }, async (server) => {
      const { api } = await tokenLogin(server);
      const host = new URL(server.base).host;
      const own = await api.request('POST', '/api/v1/journal/note', { json: { text: 'from the clinic page' }, headers: { Origin: 'https://clinic.example' } });
      assert.equal(own.status, 201, own.text);
      const direct = await api.request('POST', '/api/v1/journal/note', { json: { text: 'by address' }, headers: { Origin: `http://${host}` } });
      assert.equal(direct.status, 403, direct.text);
    });
  });

  it('behind a trusted proxy the address limit counts each client, not the proxy', async () => {
    const { dir, db } = freshDb([['nora', 'nora-password-1']]);
    await withServer({ db, dir, args: ['--trusted-proxy', '127.0.0.1'] }, async (server) => {
      const proxy = new Api(server.base);
      for (let i = 0; i < 20; ++i) {
        const r = await proxy.request('POST', '/api/v1/login', { json: { name: `someone-${i}`, password: 'wrong-password' }, headers: { 'X-Forwarded-For': '203.0.113.9' } });
        assert.equal(r.status, 401, r.text);
      }
      const blocked = await proxy.request('POST', '/api/v1/login', { json: { name: 'nora', password: 'nora-password-1' }, headers: { 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(blocked.status, 429, blocked.text);
      // Another client through the same proxy; a forged earlier entry does not count.
      const other = await proxy.request('POST', '/api/v1/login', { json: { name: 'nora', password: 'nora-password-1' }, headers: { 'X-Forwarded-For': '203.0.113.9, 198.51.100.4' } });
      assert.equal(other.status, 200, other.text);
    });
  });
});
