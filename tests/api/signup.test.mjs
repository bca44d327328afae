// Issue 10, point 2 (ADR 0028): someone without an account signs up with a
// practitioner's open invitation code. The look-up says whose code it is;
// the sign-up makes a person account (never person 1, the terminal's),
// accepts the invitation with the sharing chosen and signs in, in one
// request. A wrong, used or cancelled code makes nothing and tells nothing
// about which names exist; one code makes one link; every look-up and
// sign-up from one address counts toward 20 in 15 minutes.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addClinic, freshDbDir, databaseIn } from './lib/server.mjs';
import { Api, parseSetCookie, assertSessionCookieAttributes, passwordLogin, stopServerAfter } from './lib/client.mjs';
import { oversized } from './lib/flows.mjs';

const PASSWORD = 'signup-password-1';
const SHARE_JOURNAL = { journal: true, sessions: false, screening: false };

describe('signing up with an invitation code', () => {
  let server;
  let pat;
  let address = 40;  // each test its own client address, so the limit is met only where it is meant to be
  const anonymous = () => new Api(server.base, undefined, { localAddress: `127.0.0.${address}` });
  const invite = async () => (await pat.expect(201, 'POST', '/api/v1/invitations', { json: {} })).code;

  before(async () => {
    const dir = freshDbDir();
    const db = databaseIn(dir);
    const clinic = addClinic(db, 'Harbour Physio');
    addUser(db, 'pat', PASSWORD, { role: 'practitioner', clinic });  // no person account: person 1 is unowned
    server = await startServer({ db, dir });
    ({ api: pat } = await passwordLogin(server, 'pat', PASSWORD));
  });
  stopServerAfter(() => server);

  it('looks up whose an open code is without an account, then makes one, linked and signed in', async () => {
    address = 41;
    const code = await invite();
    const anon = anonymous();
    const preview = await anon.expect(200, 'POST', '/api/v1/signup/look-up', { json: { code: code.toLowerCase() } });
    assert.equal(preview.practitioner, 'pat');
    assert.equal(preview.clinic, 'Harbour Physio');

    const r = await anon.post('/api/v1/signup', { code, name: 'nadia', password: PASSWORD, share: SHARE_JOURNAL });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.name, 'nadia');
    assert.notEqual(r.body.person_id, 1, 'an account made over the web never owns the terminal journal');
    assert.equal(r.body.link.practitioner.name, 'pat');
    assert.deepEqual(r.body.link.share, SHARE_JOURNAL);
    assert.equal(r.body.link_refusal, null);
    const cookie = parseSetCookie(r.headers, 'fascia_session');
    assertSessionCookieAttributes(cookie, 'POST /api/v1/signup');

    const nadia = new Api(server.base, `fascia_session=${cookie.value}`);
    const me = await nadia.expect(200, 'GET', '/api/v1/me');
    assert.deepEqual([me.name, me.role, me.person_id, me.has_profile], ['nadia', 'person', r.body.person_id, false]);
    assert.equal((await nadia.expect(200, 'GET', '/api/v1/links')).length, 1);
    const clients = await pat.expect(200, 'GET', '/api/v1/clients');
    assert.ok(clients.some((c) => c.client.person_id === r.body.person_id), 'pat sees the new client');
    // The password chosen is the one that signs in.
    await passwordLogin(server, 'nadia', PASSWORD);
  });

  it('one code makes one account: the second sign-up with it is refused and makes nothing', async () => {
    address = 42;
    const code = await invite();
    await anonymous().expect(201, 'POST', '/api/v1/signup', { json: { code, name: 'olga', password: PASSWORD, share: {} } });
    const again = await anonymous().post('/api/v1/signup', { code, name: 'oscar', password: PASSWORD, share: {} });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.error.field, 'code');
    assert.match(again.body.error.message, /already been used/);
    assert.equal(parseSetCookie(again.headers, 'fascia_session'), undefined);
    assert.equal((await anonymous().post('/api/v1/login', { name: 'oscar', password: PASSWORD })).status, 401);
    const look = await anonymous().post('/api/v1/signup/look-up', { code });
    assert.equal(look.status, 409, look.text);
  });

  it('a wrong or cancelled code is refused for the code alone, even with a name that exists', async () => {
    address = 43;
    const unknown = await anonymous().post('/api/v1/signup', { code: 'ZZZZ-ZZZZ-ZZZZ', name: 'pat', password: PASSWORD, share: {} });
    assert.equal(unknown.status, 404, unknown.text);
    assert.equal(unknown.body.error.field, 'code');
    assert.doesNotMatch(unknown.body.error.message, /taken|pat/);
    assert.equal((await anonymous().post('/api/v1/signup/look-up', { code: 'ZZZZ-ZZZZ-ZZZZ' })).status, 404);
    const malformed = await anonymous().post('/api/v1/signup/look-up', { code: 'not a code' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.field, 'code');

    const code = await invite();
    const id = (await pat.expect(200, 'GET', '/api/v1/invitations')).find((i) => i.state === 'open').id;
    await pat.expect(200, 'POST', `/api/v1/invitations/${id}/cancel`);
    const cancelled = await anonymous().post('/api/v1/signup', { code, name: 'pia', password: PASSWORD, share: {} });
    assert.equal(cancelled.status, 409);
    assert.match(cancelled.body.error.message, /cancelled/);
  });

  it('with an open code, a taken name, a bad name or a short password is refused on its field and the code stays open', async () => {
    address = 44;
    const code = await invite();
    const cases = [
      [{ name: 'pat', password: PASSWORD }, 409, 'name', /the name 'pat' is taken/],
      [{ name: 'Big Name', password: PASSWORD }, 400, 'name', /./],
      [{ name: 'quentin', password: 'short' }, 400, 'password', /8/],
      [{ name: 'quentin' }, 400, 'password', /./],
    ];
    for (const [fields, status, field, message] of cases) {
      const r = await anonymous().post('/api/v1/signup', { code, share: {}, ...fields });
      assert.equal(r.status, status, `${JSON.stringify(fields)}: ${r.text}`);
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, message);
    }
    const share = await anonymous().post('/api/v1/signup', { code, name: 'quentin', password: PASSWORD, share: { everything: true } });
    assert.equal(share.status, 400);
    assert.equal((await anonymous().post('/api/v1/signup', { code, name: 'quentin', password: PASSWORD })).status, 400);
    assert.equal((await anonymous().post('/api/v1/signup/look-up', { code })).status, 200, 'still open');
  });

  it('refuses a body too large or not JSON', async () => {
    address = 45;
    const big = await anonymous().request('POST', '/api/v1/signup', { body: oversized({ code: 'x' }), contentType: 'application/json' });
    assert.equal(big.status, 413);
    const look = await anonymous().request('POST', '/api/v1/signup/look-up', { body: oversized({ code: 'x' }), contentType: 'application/json' });
    assert.equal(look.status, 413);
    for (const route of ['/api/v1/signup', '/api/v1/signup/look-up']) {
      const text = await anonymous().request('POST', route, { body: 'code=x', contentType: 'text/plain' });
      assert.equal(text.status, 415, `${route}: ${text.text}`);
    }
  });

  it('after 20 look-ups and sign-ups from one address, that address waits; another does not', async () => {
    address = 46;
    const code = await invite();
    for (let i = 0; i < 20; ++i) {
      const r = await anonymous().post('/api/v1/signup/look-up', { code: `WRNG-${String(i).padStart(4, '0')}-AAAA` });
      assert.equal(r.status, 404, `attempt ${i + 1}: ${r.text}`);
    }
    for (const [route, body] of [
      ['/api/v1/signup/look-up', { code }],
      ['/api/v1/signup', { code, name: 'rosa', password: PASSWORD, share: {} }],
    ]) {
      const r = await anonymous().post(route, body);
      assert.equal(r.status, 429, `${route}: ${r.text}`);
      assert.equal(r.body.error.code, 'rate_limited');
      assert.ok(Number(r.headers['retry-after']) >= 1);
    }
    address = 47;
    await anonymous().expect(201, 'POST', '/api/v1/signup', { json: { code, name: 'rosa', password: PASSWORD, share: {} } });
  });
});
