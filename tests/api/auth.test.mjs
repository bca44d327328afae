// Authentication: the one-time start-up link, name and password, the cookie's
// attributes, logout, and 401 on every route that needs a session.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, freshDbDir, databaseIn } from './lib/server.mjs';
import { Api, rawRequest, parseSetCookie, tokenLogin, passwordLogin, checkSecurityHeaders, stopServerAfter } from './lib/client.mjs';
import { ROUTES } from './lib/routes.mjs';
import { expectRefused, oversized, journalOf } from './lib/flows.mjs';

describe('authentication', () => {
  let server;
  let anon;
  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    addUser(db, 'alice', 'alice-password-1');
    addUser(db, 'bob', 'bob-password-22');
    server = await startServer({ db, dir });
    anon = new Api(server.base);
  });
  stopServerAfter(() => server);

  it('a wrong start-up token sets no cookie and does not use up the real one', async () => {
    const res = await rawRequest(server.base, 'GET', `/login?token=${server.token}x`);
    checkSecurityHeaders('/login', res);
    assert.notEqual(res.status, 303);
    assert.ok(res.status < 500);
    assert.equal(parseSetCookie(res.headers, 'fascia_session'), undefined);
  });

  it('GET /login without a token, or with an empty one, sets no cookie', async () => {
    for (const p of ['/login', '/login?token=', '/login?token']) {
      const res = await rawRequest(server.base, 'GET', p);
      assert.notEqual(res.status, 303, p);
      assert.ok(res.status < 500, `${p}: ${res.status}`);
      assert.equal(parseSetCookie(res.headers, 'fascia_session'), undefined, p);
    }
  });

  it('a damaged start-up link (bytes a token never has, %FF included) answers 400, a wrong one 401', async () => {
    for (const t of ['%FF', '%00', 'abc%20def', '%E2%80%AE', '..%2F']) {
      const res = await rawRequest(server.base, 'GET', `/login?token=${t}`);
      assert.equal(res.status, 400, `${t}: ${res.status}`);
      assert.match(res.text, /damaged/);
      assert.equal(parseSetCookie(res.headers, 'fascia_session'), undefined, t);
    }
    const wrong = await rawRequest(server.base, 'GET', `/login?token=${server.token}x`);
    assert.equal(wrong.status, 401);
  });

  let tokenApi;
  it('the start-up link logs in as person 1 with an HttpOnly, SameSite=Strict cookie and redirects to /', async () => {
    const { api, res } = await tokenLogin(server);
    assert.equal(new URL(res.headers.location, server.base).pathname, '/');
    const me = await api.expect(200, 'GET', '/api/v1/me');
    assert.equal(me.person_id, 1);
    assert.equal(me.today, '2026-11-23');
    assert.equal(me.has_profile, false);
    assert.equal(me.has_screening, false);
    tokenApi = api;
  });

  it('the start-up link works only once', async () => {
    const res = await rawRequest(server.base, 'GET', `/login?token=${encodeURIComponent(server.token)}`);
    checkSecurityHeaders('/login', res);
    assert.notEqual(res.status, 303, 'the token logged in a second time');
    assert.ok(res.status < 500);
    assert.equal(parseSetCookie(res.headers, 'fascia_session'), undefined, 'a second cookie was handed out');
    // The first session still works.
    assert.equal((await tokenApi.expect(200, 'GET', '/api/v1/me')).person_id, 1);
  });

  it('POST /api/v1/login answers name and person id; the first account is person 1, the second person 2', async () => {
    const a = await passwordLogin(server, 'alice', 'alice-password-1');
    assert.deepEqual(a.body, { name: 'alice', person_id: 1 });
    assert.equal((await a.api.expect(200, 'GET', '/api/v1/me')).name, 'alice');
    const b = await passwordLogin(server, 'bob', 'bob-password-22');
    assert.deepEqual(b.body, { name: 'bob', person_id: 2 });
    const me = await b.api.expect(200, 'GET', '/api/v1/me');
    assert.equal(me.person_id, 2);
    assert.equal(me.name, 'bob');
    assert.notEqual(a.cookie.value, b.cookie.value);
  });

  it('a wrong password or an unknown name is 401 bad_credentials with no cookie', async () => {
    for (const body of [{ name: 'alice', password: 'wrong-password' }, { name: 'nobody-here', password: 'alice-password-1' }]) {
      const r = await anon.post('/api/v1/login', body);
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'bad_credentials');
      assert.equal(parseSetCookie(r.headers, 'fascia_session'), undefined);
    }
  });

  it('every route but health, login and openapi.json answers 401 unauthenticated without a cookie or with a forged one', async () => {
    const forged = new Api(server.base, 'fascia_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const journalBefore = await journalOf(tokenApi);
    for (const route of ROUTES.filter((r) => r.auth)) {
      const p = route.sample ?? route.template;
      for (const client of [anon, forged]) {
        const r = await client.request(route.method, p, route.body !== undefined ? { json: route.body } : {});
        assert.equal(r.status, 401, `${route.method} ${p} without a valid cookie: ${r.status} ${r.text.slice(0, 200)}`);
        assert.equal(r.body.error.code, 'unauthenticated', `${route.method} ${p}`);
      }
    }
    assert.deepEqual(await journalOf(tokenApi), journalBefore, 'an unauthenticated write changed the journal');
    assert.equal((await tokenApi.request('GET', '/api/v1/profile')).status, 404, 'an unauthenticated PUT made a profile');
  });

  it('health, openapi.json and login work without a cookie', async () => {
    for (const route of ROUTES.filter((r) => !r.auth && !r.template.startsWith('/api/v1/signup'))) {
      const body = route.template === '/api/v1/login' ? { name: 'bob', password: 'bob-password-22' } : route.body;
      const r = await anon.request(route.method, route.template, body !== undefined ? { json: body } : {});
      assert.equal(r.status, 200, `${route.method} ${route.template}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  });

  it('the session cookie is the only credential: a cookie with another name, or in a header, is not accepted', async () => {
    const value = tokenApi.cookie.split('=')[1];
    assert.equal((await new Api(server.base, `session=${value}`).request('GET', '/api/v1/me')).status, 401);
    assert.equal((await anon.request('GET', '/api/v1/me', { headers: { Authorization: `Bearer ${value}` } })).status, 401);
  });

  it('logout answers 204, clears the cookie, and the old cookie no longer works', async () => {
    const { api } = await passwordLogin(server, 'alice', 'alice-password-1');
    const r = await api.request('POST', '/api/v1/logout');
    assert.equal(r.status, 204);
    const cleared = parseSetCookie(r.headers, 'fascia_session');
    assert.ok(cleared, 'logout set no cookie');
    const expired = cleared.value === '' || cleared.attrs.get('max-age') === '0' || (cleared.attrs.has('expires') && Date.parse(cleared.attrs.get('expires')) < Date.now());
    assert.ok(expired, `logout did not clear the cookie: ${cleared.line}`);
    const after = await api.request('GET', '/api/v1/me');
    assert.equal(after.status, 401);
    // Logging out one session leaves the others alone.
    assert.equal((await tokenApi.expect(200, 'GET', '/api/v1/me')).person_id, 1);
  });

  describe('malformed logins (nothing is created, no cookie)', () => {
    const cases = [
      ['invalid JSON', { body: '{"name": "alice", "password":', contentType: 'application/json' }, 400, 'bad_json', null],
      ['a JSON array', { body: '["alice", "alice-password-1"]', contentType: 'application/json' }, 400, ['bad_json', 'invalid'], undefined],
      ['no password', { json: { name: 'alice' } }, 400, 'invalid', 'password'],
      ['no name', { json: { password: 'alice-password-1' } }, 400, 'invalid', 'name'],
      ['a number for the name', { json: { name: 5, password: 'alice-password-1' } }, 400, 'invalid', 'name'],
      ['an array for the password', { json: { name: 'alice', password: ['alice-password-1'] } }, 400, 'invalid', 'password'],
      ['text/plain', { body: '{"name":"alice","password":"alice-password-1"}', contentType: 'text/plain' }, 415, 'unsupported_media', null],
      ['a form', { body: 'name=alice&password=alice-password-1', contentType: 'application/x-www-form-urlencoded' }, 415, 'unsupported_media', null],
      ['no Content-Type', { body: '{"name":"alice","password":"alice-password-1"}' }, 415, 'unsupported_media', null],
      ['a body over 64 KiB', { body: oversized({ name: 'alice', password: 'alice-password-1' }), contentType: 'application/json' }, 413, 'too_large', null],
    ];
    for (const [what, req, status, code, field] of cases)
      it(`${what} → ${status}`, async () => {
        const r = await anon.request('POST', '/api/v1/login', req);
        assert.equal(r.status, status, `${what}: ${r.text}`);
        assert.ok([].concat(code).includes(r.body.error.code), `${what}: code ${r.body.error.code}`);
        if (field === null) assert.equal(r.body.error.field, undefined);
        else if (field !== undefined) assert.equal(r.body.error.field, field);
        assert.equal(parseSetCookie(r.headers, 'fascia_session'), undefined);
        assert.deepEqual(await journalOf(tokenApi), { pain: [], reactions: [], habits: [], treatments: [], notes: [], sessions: [], clearances: [], clinic_treatments: [] });
      });
  });
});
